//! Spellings of types (go/types' alias-preserving types): a [`TypeId`] carries, besides its
//! type's index (identity), the index of a spelling, the same structure with its components
//! as the source wrote them (`[]byte` for `[]uint8`, a signature's parameter names), or a
//! predeclared alias (`byte`, `rune`). Only the compiler's messages print spellings.

use super::{Field, Signature, TypeKind};
use std::hash::Hasher;

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
