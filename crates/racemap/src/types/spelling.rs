//! Spellings of types (go/types' alias-preserving types): a [`TypeId`] carries, besides its
//! type's index (identity), the index of a spelling, the same structure with its components
//! as the source wrote them (`[]byte` for `[]uint8`, a signature's parameter names), or a
//! predeclared alias (`byte`, `rune`). Only the compiler's messages print spellings.

use super::{Field, KindHasher, Signature, TypeKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A type of a [`TypeTable`]: the index of its type (identity) and of its spelling (how the
/// source wrote it, 0 for the type's own), packed in one word.
///
/// Equality, ordering and hashing compare the type alone: `byte` equals `uint8`.
#[derive(Clone, Copy)]
pub struct TypeId(pub(super) u32);

/// Bits of a [`TypeId`] holding the index of its type.
pub(super) const TYPE_BITS: u32 = 22;
/// Mask of a [`TypeId`]'s type index.
pub(super) const TYPE_MASK: u32 = (1 << TYPE_BITS) - 1;
/// The most spellings a table keeps (the rest print as their types).
pub(super) const MAX_SPELLINGS: usize = (1 << (32 - TYPE_BITS)) - 1;

impl TypeId {
    /// The type of index `i` in its table, as the table spells it.
    pub const fn from_index(i: u32) -> TypeId {
        TypeId(i & TYPE_MASK)
    }

    /// The index of the type (its identity).
    pub fn index(self) -> usize {
        (self.0 & TYPE_MASK) as usize
    }

    /// The index of the spelling (0: none).
    pub(super) fn spelling(self) -> usize {
        (self.0 >> TYPE_BITS) as usize
    }

    /// The same type without its spelling.
    pub fn unspelled(self) -> TypeId {
        TypeId(self.0 & TYPE_MASK)
    }

    /// Whether `self` and `other` are the same type spelled alike.
    pub fn same_spelling(self, other: TypeId) -> bool {
        self.0 == other.0
    }
}

impl PartialEq for TypeId {
    fn eq(&self, other: &TypeId) -> bool {
        self.index() == other.index()
    }
}

impl Eq for TypeId {}

impl PartialOrd for TypeId {
    fn partial_cmp(&self, other: &TypeId) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TypeId {
    fn cmp(&self, other: &TypeId) -> std::cmp::Ordering {
        self.index().cmp(&other.index())
    }
}

impl std::hash::Hash for TypeId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u32(self.0 & TYPE_MASK);
    }
}

impl std::fmt::Debug for TypeId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TypeId({})", self.index())
    }
}

/// How a type was written, when not as its own structure (see the module's docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Spelling {
    /// The structure, its components as spelled.
    pub(super) kind: TypeKind,
    /// The predeclared alias naming a basic type (`byte`, `rune`).
    pub(super) alias: Option<&'static str>,
}

impl Spelling {
    /// Whether two entries spell the same type the same way (`==` on kinds compares types).
    pub(super) fn same(&self, other: &Spelling) -> bool {
        let names = |k: &TypeKind| match k {
            TypeKind::Func(sig) => sig.names.clone(),
            _ => Vec::new(),
        };
        self.alias == other.alias
            && self.kind == other.kind
            && names(&self.kind) == names(&other.kind)
            && components(&self.kind)
                .iter()
                .zip(components(&other.kind))
                .all(|(a, b)| a.same_spelling(b))
    }
}

/// A table's spellings, entry `i` spelling `i + 1` of a [`TypeId`], with an index by a hash of
/// everything [`Spelling::same`] compares (a lookup reads the entry once instead of scanning
/// every entry: the universe's library signatures spell hundreds).
#[derive(Clone, Debug, Default)]
pub(super) struct Spellings {
    /// The entries, in the order they were added.
    entries: Vec<Spelling>,
    /// An entry of each key ([`Spelling::key`]) of `entries`: the first one added of that
    /// key. A hash map for lookups only (nothing iterates it, so its order decides nothing).
    // Invariant: holds the key of every entry, and maps it to an entry of that key.
    index: HashMap<u64, u32, BuildHasherDefault<KindHasher>>,
}

/// Spellings are equal when their entries are (the index follows from them).
impl PartialEq for Spellings {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl Spellings {
    /// Entry `i`.
    pub(super) fn get(&self, i: usize) -> Option<&Spelling> {
        self.entries.get(i)
    }

    /// The number of entries.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entry that spells the same as `entry` ([`Spelling::same`]), if any.
    pub(super) fn position(&self, entry: &Spelling) -> Option<usize> {
        let i = *self.index.get(&entry.key())? as usize;
        if self.entries[i].same(entry) {
            return Some(i);
        }
        // Two spellings of one key (a hash collision): the rare case scans.
        self.entries.iter().position(|s| s.same(entry))
    }

    /// Add `entry` (which no entry spells the same as), returning its position.
    pub(super) fn push(&mut self, entry: Spelling) -> usize {
        let i = self.entries.len();
        self.index.entry(entry.key()).or_insert(i as u32);
        self.entries.push(entry);
        i
    }
}

impl Spelling {
    /// A hash of what [`Spelling::same`] compares: the alias, the structure, each
    /// component's spelled id and a signature's names (equal spellings have equal keys).
    fn key(&self) -> u64 {
        let mut h = KindHasher::default();
        self.alias.hash(&mut h);
        self.kind.hash(&mut h);
        for c in components(&self.kind) {
            h.write_u32(c.0);
        }
        if let TypeKind::Func(sig) = &self.kind {
            sig.names.hash(&mut h);
        }
        h.finish()
    }
}

/// The types a structure is made of, in a fixed order.
pub(super) fn components(kind: &TypeKind) -> Vec<TypeId> {
    match kind {
        TypeKind::Basic(_) | TypeKind::Named { .. } | TypeKind::Sync(_) => Vec::new(),
        TypeKind::Pointer(t)
        | TypeKind::Slice(t)
        | TypeKind::Array(_, t)
        | TypeKind::Chan(_, t) => {
            vec![*t]
        }
        TypeKind::Map(k, v) => vec![*k, *v],
        TypeKind::Struct(fields) => fields.iter().map(|f| f.ty).collect(),
        TypeKind::Func(sig) => sig.params.iter().chain(&sig.results).copied().collect(),
        TypeKind::Interface(methods) => methods.iter().map(|(_, t)| *t).collect(),
        TypeKind::Tuple(ts) => ts.clone(),
    }
}

/// `kind` with `f` applied to each of its components.
pub(super) fn map_components(kind: &TypeKind, f: impl Fn(TypeId) -> TypeId) -> TypeKind {
    match kind {
        TypeKind::Basic(_) | TypeKind::Named { .. } | TypeKind::Sync(_) => kind.clone(),
        TypeKind::Pointer(t) => TypeKind::Pointer(f(*t)),
        TypeKind::Slice(t) => TypeKind::Slice(f(*t)),
        TypeKind::Array(n, t) => TypeKind::Array(*n, f(*t)),
        TypeKind::Chan(d, t) => TypeKind::Chan(*d, f(*t)),
        TypeKind::Map(k, v) => TypeKind::Map(f(*k), f(*v)),
        TypeKind::Struct(fields) => TypeKind::Struct(
            fields
                .iter()
                .map(|fl| Field {
                    ty: f(fl.ty),
                    ..fl.clone()
                })
                .collect(),
        ),
        // Names are spellings too: the type's own structure has none.
        TypeKind::Func(sig) => TypeKind::Func(Signature::new(
            sig.params.iter().map(|t| f(*t)).collect(),
            sig.results.iter().map(|t| f(*t)).collect(),
            sig.variadic,
        )),
        TypeKind::Interface(methods) => {
            TypeKind::Interface(methods.iter().map(|(n, t)| (n.clone(), f(*t))).collect())
        }
        TypeKind::Tuple(ts) => TypeKind::Tuple(ts.iter().map(|t| f(*t)).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{Basic, ChanDir, TypeTable};

    /// Whether two structures as interned spell the same type the same way, compared by
    /// hand: equal types, equal names, components spelled alike.
    fn spell_alike(a: &TypeKind, b: &TypeKind) -> bool {
        let names = |k: &TypeKind| match k {
            TypeKind::Func(sig) => sig.names.clone(),
            _ => Vec::new(),
        };
        let raw = |k: &TypeKind| components(k).iter().map(|c| c.0).collect::<Vec<_>>();
        a == b && names(a) == names(b) && raw(a) == raw(b)
    }

    /// A grid of structures over spelled and unspelled components.
    fn grid() -> Vec<TypeKind> {
        let int = TypeTable::basic(Basic::Int);
        let uint8 = TypeTable::basic(Basic::Uint8);
        let int32 = TypeTable::basic(Basic::Int32);
        let parts = [int, uint8, TypeTable::byte(), int32, TypeTable::rune()];
        let mut kinds = Vec::new();
        for &a in &parts {
            kinds.push(TypeKind::Slice(a));
            kinds.push(TypeKind::Pointer(a));
            kinds.push(TypeKind::Chan(ChanDir::Both, a));
            for &b in &parts {
                kinds.push(TypeKind::Map(a, b));
                kinds.push(TypeKind::Func(Signature::new(vec![a], vec![b], false)));
                let mut named = Signature::new(vec![a], vec![b], false);
                named.names = vec!["x".into(), "y".into()];
                kinds.push(TypeKind::Func(named));
                let mut other = Signature::new(vec![a], vec![b], false);
                other.names = vec!["x".into(), String::new()];
                kinds.push(TypeKind::Func(other));
            }
        }
        kinds
    }

    #[test]
    fn interning_a_grid_of_spellings_gives_the_ids_a_scan_gives() {
        let mut t = TypeTable::new();
        let kinds = grid();
        let ids: Vec<TypeId> = kinds.iter().map(|k| t.intern(k.clone())).collect();
        // Interned again in reverse order: the same ids, spellings included.
        for (k, id) in kinds.iter().zip(&ids).rev() {
            assert!(t.intern(k.clone()).same_spelling(*id), "{k:?}");
        }
        for (i, a) in kinds.iter().enumerate() {
            for (j, b) in kinds.iter().enumerate() {
                assert_eq!(
                    ids[i].same_spelling(ids[j]),
                    spell_alike(a, b),
                    "{a:?} vs {b:?}"
                );
            }
        }
        // Spellings are numbered in order of first use, as a scan that appends does.
        let mut seen: Vec<usize> = Vec::new();
        for id in &ids {
            let s = id.spelling();
            if s != 0 && !seen.contains(&s) {
                seen.push(s);
            }
        }
        let first_new = seen.first().copied().unwrap_or(0);
        let expected: Vec<usize> = (first_new..first_new + seen.len()).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn a_lookup_whose_key_names_another_entry_scans() {
        let byte_slice = Spelling {
            kind: TypeKind::Slice(TypeTable::byte()),
            alias: None,
        };
        let rune_slice = Spelling {
            kind: TypeKind::Slice(TypeTable::rune()),
            alias: None,
        };
        let mut s = Spellings::default();
        assert_eq!(s.push(byte_slice.clone()), 0);
        assert_eq!(s.push(rune_slice.clone()), 1);
        assert_eq!(s.position(&rune_slice), Some(1));
        // A collision: the key of `rune_slice` names the other entry.
        s.index.insert(rune_slice.key(), 0);
        assert_eq!(s.position(&rune_slice), Some(1));
        assert_eq!(s.position(&byte_slice), Some(0));
        let absent = Spelling {
            kind: TypeKind::Pointer(TypeTable::byte()),
            alias: None,
        };
        assert_eq!(s.position(&absent), None);
    }
}
