//! Go types, interned in a [`TypeTable`] and named by [`TypeId`].
//!
//! The checker builds the table; lowering and the runtime read it (zero values, `fmt`'s `%v`,
//! `%+v` and `%T`, map key order, interface dynamic types). Types are structural except
//! [`TypeKind::Named`], which is identified by its declaration.
//!
//! Invariant: interning makes identical types share one id, so type identity is `==` on ids.
//!
//! **Spellings.** `byte` and `rune` are aliases of `uint8` and `int32` (go/types'
//! `universeByte`, `universeRune`): identical, but compiler messages name them as written
//! (`[]byte`, `map[rune]int`). A [`TypeId`] therefore carries, besides the index of its
//! type, the index of a *spelling*: the same structure with its aliases as written (a
//! `TypeKind` whose components are spelled ids). Equality, ordering and hashing of ids read the
//! type's index alone, so identity stays `==` and every table keyed by types is unchanged; only
//! [`TypeStyle::Compiler`] reads the spelling (`reflect`'s `%T` prints `uint8`, as Go does).

mod layout;
mod print;
mod spelling;
pub use layout::GoLayout;
pub use print::TypeStyle;
pub use spelling::TypeId;
use spelling::{components, map_components, Spelling, Spellings, MAX_SPELLINGS, TYPE_BITS};

use litemap::LiteMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Channel direction in a channel type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

/// Predeclared basic types, including the untyped kinds of constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Basic {
    /// An error was reported; any operation is accepted silently to avoid cascades.
    Invalid,
    /// `bool`
    Bool,
    /// `int` (64-bit)
    Int,
    /// `int8`
    Int8,
    /// `int16`
    Int16,
    /// `int32` and `rune`
    Int32,
    /// `int64`
    Int64,
    /// `uint` (64-bit)
    Uint,
    /// `uint8` and `byte`
    Uint8,
    /// `uint16`
    Uint16,
    /// `uint32`
    Uint32,
    /// `uint64`
    Uint64,
    /// `uintptr`
    Uintptr,
    /// `float32`
    Float32,
    /// `float64`
    Float64,
    /// `string`
    String,
    /// Untyped boolean constant.
    UntypedBool,
    /// Untyped integer constant.
    UntypedInt,
    /// Untyped rune constant.
    UntypedRune,
    /// Untyped floating-point constant.
    UntypedFloat,
    /// Untyped string constant.
    UntypedString,
    /// The type of `nil`.
    UntypedNil,
}

impl Basic {
    /// Go's spelling, as in messages and `%T` (`untyped int`, `int64`).
    pub fn name(self) -> &'static str {
        use Basic::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            String => "string",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }

    /// Integer kinds: `(bits, signed)`; `None` for non-integers.
    pub fn int_info(self) -> Option<(u32, bool)> {
        use Basic::*;
        Some(match self {
            Int | Int64 => (64, true),
            Int8 => (8, true),
            Int16 => (16, true),
            Int32 => (32, true),
            Uint | Uint64 | Uintptr => (64, false),
            Uint8 => (8, false),
            Uint16 => (16, false),
            Uint32 => (32, false),
            UntypedInt | UntypedRune => (64, true),
            _ => return None,
        })
    }

    /// An untyped constant kind.
    pub fn is_untyped(self) -> bool {
        matches!(
            self,
            Basic::UntypedBool
                | Basic::UntypedInt
                | Basic::UntypedRune
                | Basic::UntypedFloat
                | Basic::UntypedString
                | Basic::UntypedNil
        )
    }
}

/// The built-in opaque types of packages `sync` and `sync/atomic`. Their state lives in the
/// runtime (`rt`); the checker knows their methods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SyncKind {
    /// `sync.Mutex`
    Mutex,
    /// `sync.RWMutex`
    RwMutex,
    /// `sync.WaitGroup`
    WaitGroup,
    /// `sync.Once`
    Once,
    /// `sync.Map`
    Map,
    /// `atomic.Int32`
    AtomicInt32,
    /// `atomic.Int64`
    AtomicInt64,
    /// `atomic.Bool`
    AtomicBool,
    /// `atomic.Uint32`
    AtomicUint32,
    /// `atomic.Uint64`
    AtomicUint64,
    /// `atomic.Value` (an `any` loaded and stored atomically; state: `SyncState::AtomicValue`).
    AtomicValue,
    /// `atomic.Pointer[T]` (Go 1.19's generic atomic pointer; state: `SyncState::AtomicValue`
    /// holding a `Value::Ptr`). The kind is the generic type's: each instance is a named type
    /// with its type argument (`TypeTable::type_args`) and this underlying kind.
    AtomicPointer,
    /// The notify list of a `sync.Cond` (its hidden field `notify`; the `Cond` itself is a
    /// struct `{ L sync.Locker; notify }`).
    CondNotify,
    /// `testing.T` (its state lives in the runtime: `rt::testing`).
    TestingT,
    /// The runtime timer of a `time.Timer` or `time.Ticker` (its hidden field `r`; the Timer
    /// itself is a struct `{ C <-chan Time; r }`; state in `rt::timer`).
    Timer,
    /// The state of a context made by package `context` (`Background`, `WithCancel`, …): the
    /// dynamic type of those `context.Context` values is a pointer to it (`rt::context`).
    Context,
}

impl SyncKind {
    /// Every kind a program can name, in declaration order (the order the checker declares the
    /// types in); not the hidden [`SyncKind::CondNotify`], a field of `sync.Cond`.
    pub const ALL: &'static [SyncKind] = &[
        SyncKind::Mutex,
        SyncKind::RwMutex,
        SyncKind::WaitGroup,
        SyncKind::Once,
        SyncKind::Map,
        SyncKind::AtomicInt32,
        SyncKind::AtomicInt64,
        SyncKind::AtomicBool,
        SyncKind::TestingT,
        SyncKind::AtomicUint32,
        SyncKind::AtomicUint64,
        SyncKind::AtomicValue,
        SyncKind::AtomicPointer,
    ];

    /// The import path of the package declaring the type: `sync`, `sync/atomic`.
    pub fn package_path(self) -> &'static str {
        match self {
            SyncKind::Mutex
            | SyncKind::RwMutex
            | SyncKind::WaitGroup
            | SyncKind::Once
            | SyncKind::Map
            | SyncKind::CondNotify => "sync",
            SyncKind::Timer => "time",
            SyncKind::Context => "context",
            SyncKind::AtomicInt32
            | SyncKind::AtomicInt64
            | SyncKind::AtomicBool
            | SyncKind::AtomicUint32
            | SyncKind::AtomicUint64
            | SyncKind::AtomicValue
            | SyncKind::AtomicPointer => "sync/atomic",
            SyncKind::TestingT => "testing",
        }
    }

    /// The type's name in its package: `Mutex`, `RWMutex`, `Int32`.
    pub fn type_name(self) -> &'static str {
        let name = self.name();
        &name[name.find('.').map_or(0, |dot| dot + 1)..]
    }

    /// Qualified name as Go prints it with `%T`: `sync.Mutex`, `atomic.Int64`.
    pub fn name(self) -> &'static str {
        match self {
            SyncKind::Mutex => "sync.Mutex",
            SyncKind::RwMutex => "sync.RWMutex",
            SyncKind::WaitGroup => "sync.WaitGroup",
            SyncKind::Once => "sync.Once",
            SyncKind::Map => "sync.Map",
            SyncKind::AtomicInt32 => "atomic.Int32",
            SyncKind::AtomicInt64 => "atomic.Int64",
            SyncKind::AtomicBool => "atomic.Bool",
            SyncKind::AtomicUint32 => "atomic.Uint32",
            SyncKind::AtomicUint64 => "atomic.Uint64",
            SyncKind::AtomicValue => "atomic.Value",
            SyncKind::AtomicPointer => "atomic.Pointer",
            SyncKind::CondNotify => "sync.notifyList",
            SyncKind::TestingT => "testing.T",
            SyncKind::Timer => "time.runtimeTimer",
            SyncKind::Context => "context.cancelCtx",
        }
    }
}

/// One struct field.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Field {
    /// Field name (for an embedded field, the type's name).
    pub name: String,
    /// Field type.
    pub ty: TypeId,
    /// Declared as an embedded field.
    pub embedded: bool,
}

/// A function signature.
#[derive(Clone, Debug)]
pub struct Signature {
    /// Parameter types (the receiver is not included).
    pub params: Vec<TypeId>,
    /// Result types.
    pub results: Vec<TypeId>,
    /// The last parameter is `...T`, its type recorded as `[]T`.
    pub variadic: bool,
    /// The parameters' then the results' names as declared (`_` for a blank one, empty for
    /// an unnamed one), which go/types prints (`func(b byte) rune`); no entries when all are
    /// unnamed. A spelling: not
    /// part of the type (equality, order and hash ignore it).
    pub names: Vec<String>,
}

impl Signature {
    /// A signature of unnamed parameters and results.
    pub fn new(params: Vec<TypeId>, results: Vec<TypeId>, variadic: bool) -> Signature {
        Signature {
            params,
            results,
            variadic,
            names: Vec::new(),
        }
    }

    /// What identity compares.
    fn key(&self) -> (&[TypeId], &[TypeId], bool) {
        (&self.params, &self.results, self.variadic)
    }
}

impl PartialEq for Signature {
    fn eq(&self, other: &Signature) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Signature {}

impl PartialOrd for Signature {
    fn partial_cmp(&self, other: &Signature) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Signature {
    fn cmp(&self, other: &Signature) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl std::hash::Hash for Signature {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state)
    }
}

/// The structure of a type.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeKind {
    /// A predeclared type.
    Basic(Basic),
    /// A declared type `type Name Underlying`; `decl` tells apart same-named types of different
    /// scopes. Its underlying type is set after creation (types may refer to themselves).
    Named {
        /// The name as written.
        name: String,
        /// Package qualifier for `%T`: `main`, `sync`, `atomic`.
        pkg: String,
        /// Distinguishes declarations with the same name (e.g. in different function scopes).
        decl: u32,
    },
    /// `*T`
    Pointer(TypeId),
    /// `[]T`
    Slice(TypeId),
    /// `[N]T`
    Array(u64, TypeId),
    /// `map[K]V`
    Map(TypeId, TypeId),
    /// `chan T` in a direction.
    Chan(ChanDir, TypeId),
    /// `struct { ... }`
    Struct(Vec<Field>),
    /// `func(...) ...`
    Func(Signature),
    /// `interface{ ... }`: method names and signatures, sorted by name (empty for `any`).
    Interface(Vec<(String, TypeId)>),
    /// Several values, the result of a multi-value call.
    Tuple(Vec<TypeId>),
    /// The state of a `sync` or `atomic` type (the underlying type of `sync.Mutex` etc.).
    Sync(SyncKind),
}

/// The hasher of [`TypeTable`]'s index: a multiply-rotate word hash (rustc's `FxHasher`),
/// a few instructions per word (SipHash costs more than the B-tree it replaces). Not
/// resistant to chosen collisions, which only slow a lookup down.
#[derive(Clone, Copy, Debug, Default)]
pub struct KindHasher(u64);

impl KindHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for KindHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// All types of one program.
///
/// The types of a frozen table ([`TypeTable::freeze`]: the checker's universe, the same for
/// every program) are shared by its copies behind an `Rc`, so a checker's copy of the
/// universe costs the ids' underlying types, not a copy of every type and of its index.
#[derive(Clone, Debug, Default)]
pub struct TypeTable {
    /// The shared types of ids `0..base.kinds.len()`, if any.
    base: Option<std::rc::Rc<Frozen>>,
    /// Structure of each type after the base's, indexed by [`TypeId`] minus the base's
    /// length.
    kinds: Vec<TypeKind>,
    /// Underlying type of each named type (`None` until resolved, or for non-named types),
    /// for every id (the base's too: a copy may resolve them).
    underlying: Vec<Option<TypeId>>,
    /// Reverse index used for interning of the types in `kinds` (the base has its own): a
    /// hash map (lookups only, nothing iterates it), as a B-tree's lookup compares a type's
    /// structure with a dozen others' (names, fields, signatures) where a hash reads it once
    /// ([`KindHasher`]).
    index: std::collections::HashMap<TypeKind, TypeId, BuildHasherDefault<KindHasher>>,
    /// The type arguments of each instance of a generic type (`Pair[string, int]`), printed
    /// after its name.
    type_args: LiteMap<TypeId, Vec<TypeId>>,
    /// The spellings: spelling `i` of a [`TypeId`] is entry `i - 1`, a structure whose
    /// components are spelled ids (`Slice(byte)`) or a predeclared alias (`byte`).
    // Invariant: no two entries spell the same way (`Spelling::same`), and each entry's
    // structure differs from its type's own by some component's spelling or is an alias.
    spellings: std::rc::Rc<Spellings>,
}

/// The shared part of a [`TypeTable`]: its types and their index, never changed.
#[derive(Debug)]
struct Frozen {
    /// Structure of each type, indexed by [`TypeId`].
    kinds: Vec<TypeKind>,
    /// Reverse index of `kinds`.
    index: std::collections::HashMap<TypeKind, TypeId, BuildHasherDefault<KindHasher>>,
}

/// Tables are equal when they hold the same types under the same ids (shared or not).
impl PartialEq for TypeTable {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && (0..self.len() as u32)
                .all(|i| self.kind(TypeId::from_index(i)) == other.kind(TypeId::from_index(i)))
            && self.underlying == other.underlying
            && self.type_args == other.type_args
            && self.spellings == other.spellings
    }
}

impl TypeTable {
    /// A table holding the basic types, in [`Basic`] declaration order: the id of basic type
    /// `b` is `TypeId(b as u32)`.
    pub fn new() -> TypeTable {
        let mut t = TypeTable::default();
        use Basic::*;
        for b in [
            Invalid,
            Bool,
            Int,
            Int8,
            Int16,
            Int32,
            Int64,
            Uint,
            Uint8,
            Uint16,
            Uint32,
            Uint64,
            Uintptr,
            Float32,
            Float64,
            String,
            UntypedBool,
            UntypedInt,
            UntypedRune,
            UntypedFloat,
            UntypedString,
            UntypedNil,
        ] {
            let id = t.intern(TypeKind::Basic(b));
            debug_assert_eq!(id, TypeTable::basic(b));
        }
        let aliases = std::rc::Rc::make_mut(&mut t.spellings);
        for (alias, b) in [("byte", Uint8), ("rune", Int32)] {
            aliases.push(Spelling {
                kind: TypeKind::Basic(b),
                alias: Some(alias),
            });
        }
        t
    }

    /// `byte`: `uint8` as the predeclared alias spells it (valid in every table made by
    /// [`TypeTable::new`]).
    pub fn byte() -> TypeId {
        TypeId(Basic::Uint8 as u32 | 1 << TYPE_BITS)
    }

    /// `rune`: `int32` as the predeclared alias spells it.
    pub fn rune() -> TypeId {
        TypeId(Basic::Int32 as u32 | 2 << TYPE_BITS)
    }

    /// The id of a basic type (valid in every table made by [`TypeTable::new`]).
    pub fn basic(b: Basic) -> TypeId {
        TypeId(b as u32)
    }

    /// The id of a type with this structure, adding it if new; spelled as `kind`'s components
    /// are. Named types are always new: use [`TypeTable::new_named`].
    pub fn intern(&mut self, kind: TypeKind) -> TypeId {
        let named = matches!(&kind, TypeKind::Func(sig) if !sig.names.is_empty());
        let spelled = named || components(&kind).iter().any(|c| c.spelling() != 0);
        let own = if spelled {
            map_components(&kind, TypeId::unspelled)
        } else {
            kind.clone()
        };
        let id = match self.find(&own) {
            Some(id) => id,
            None => {
                let id = TypeId(self.len() as u32);
                self.kinds.push(own.clone());
                self.underlying.push(None);
                self.index.insert(own, id);
                id
            }
        };
        if !spelled {
            return id;
        }
        let entry = Spelling { kind, alias: None };
        let i = match self.spellings.position(&entry) {
            Some(i) => i,
            None if self.spellings.len() < MAX_SPELLINGS => {
                std::rc::Rc::make_mut(&mut self.spellings).push(entry)
            }
            None => return id,
        };
        TypeId(id.0 | ((i as u32 + 1) << TYPE_BITS))
    }

    /// The id of a type with this structure if the table has it (never adds one).
    pub fn find(&self, kind: &TypeKind) -> Option<TypeId> {
        let shared = self.base.as_ref().and_then(|b| b.index.get(kind));
        shared.or_else(|| self.index.get(kind)).copied()
    }

    /// This table with its types shared by its copies from now on (the ones added to a copy
    /// stay its own).
    pub fn freeze(self) -> TypeTable {
        let mut kinds = Vec::with_capacity(self.len());
        let mut index = std::collections::HashMap::default();
        if let Some(base) = &self.base {
            kinds.extend(base.kinds.iter().cloned());
            index.extend(base.index.iter().map(|(k, id)| (k.clone(), *id)));
        }
        kinds.extend(self.kinds);
        index.extend(self.index);
        TypeTable {
            base: Some(std::rc::Rc::new(Frozen { kinds, index })),
            kinds: Vec::new(),
            underlying: self.underlying,
            index: std::collections::HashMap::default(),
            type_args: self.type_args,
            spellings: self.spellings,
        }
    }

    /// The number of shared types.
    fn shared(&self) -> usize {
        self.base.as_ref().map_or(0, |b| b.kinds.len())
    }

    /// A new named type whose underlying type is set later with [`TypeTable::set_underlying`].
    pub fn new_named(&mut self, name: &str, pkg: &str) -> TypeId {
        let decl = self.len() as u32;
        self.intern(TypeKind::Named {
            name: name.to_string(),
            pkg: pkg.to_string(),
            decl,
        })
    }

    /// A new named type that is the instance of a generic type with these type arguments
    /// (printed `Pair[string, int]`); its underlying type is set later.
    pub fn new_instance(&mut self, name: &str, pkg: &str, args: Vec<TypeId>) -> TypeId {
        let id = self.new_named(name, pkg);
        self.type_args.insert(id, args);
        id
    }

    /// The type arguments of an instance of a generic type (empty for other types).
    pub fn type_args(&self, id: TypeId) -> &[TypeId] {
        self.type_args.get(&id).map_or(&[], |a| a.as_slice())
    }

    /// Set the underlying type of a named type.
    pub fn set_underlying(&mut self, named: TypeId, underlying: TypeId) {
        let u = self.underlying(underlying);
        self.underlying[named.index()] = Some(u);
    }

    /// The structure of `id`, its components spelled as `id` is.
    pub fn kind(&self, id: TypeId) -> &TypeKind {
        if let Some(s) = id.spelling().checked_sub(1) {
            if let Some(s) = self.spellings.get(s) {
                return &s.kind;
            }
        }
        let i = id.index();
        match &self.base {
            Some(base) if i < base.kinds.len() => &base.kinds[i],
            _ => &self.kinds[i - self.shared()],
        }
    }

    /// The underlying type: itself unless named (an unresolved named type yields `Invalid`).
    pub fn underlying(&self, id: TypeId) -> TypeId {
        match self.kind(id) {
            TypeKind::Named { .. } => {
                self.underlying[id.index()].unwrap_or(TypeTable::basic(Basic::Invalid))
            }
            _ => id,
        }
    }

    /// The structure of the underlying type.
    /// Whether values of type `id` occupy no memory (`struct{}`, `[0]T`, structs and arrays
    /// of such): Go's runtime gives them one address (a channel of them synchronizes on it).
    pub fn is_zero_size(&self, id: TypeId) -> bool {
        match self.under(id) {
            TypeKind::Struct(fields) => fields.iter().all(|f| self.is_zero_size(f.ty)),
            TypeKind::Array(n, elem) => *n == 0 || self.is_zero_size(*elem),
            _ => false,
        }
    }

    pub fn under(&self, id: TypeId) -> &TypeKind {
        self.kind(self.underlying(id))
    }

    /// Number of types.
    pub fn len(&self) -> usize {
        self.shared() + self.kinds.len()
    }

    /// Never true for a table made by [`TypeTable::new`].
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_and_display() {
        let mut t = TypeTable::new();
        let int = TypeTable::basic(Basic::Int);
        let string = TypeTable::basic(Basic::String);
        let m1 = t.intern(TypeKind::Map(string, int));
        let m2 = t.intern(TypeKind::Map(string, int));
        assert_eq!(m1, m2);
        assert_eq!(t.display(m1, true), "map[string]int");
        let cache = t.new_named("Cache", "main");
        let p = t.intern(TypeKind::Pointer(cache));
        assert_eq!(t.display(p, true), "*main.Cache");
        assert_eq!(t.display(p, false), "*Cache");
        let empty = t.intern(TypeKind::Struct(vec![]));
        assert_eq!(t.display(empty, true), "struct{}");
        assert_eq!(t.display_as(empty, TypeStyle::Reflect), "struct {}");
        let field = Field {
            name: "a".into(),
            ty: int,
            embedded: false,
        };
        let one = t.intern(TypeKind::Struct(vec![field]));
        assert_eq!(t.display(one, false), "struct{a int}");
        assert_eq!(t.display_as(one, TypeStyle::Reflect), "struct { a int }");
    }

    #[test]
    fn spellings_print_in_messages_but_are_the_same_types() {
        let mut t = TypeTable::new();
        let (byte, uint8) = (TypeTable::byte(), TypeTable::basic(Basic::Uint8));
        let int = TypeTable::basic(Basic::Int);
        assert_eq!(byte, uint8);
        assert!(!byte.same_spelling(uint8));
        let bytes = t.intern(TypeKind::Slice(byte));
        let uint8s = t.intern(TypeKind::Slice(uint8));
        assert_eq!(bytes, uint8s);
        assert_eq!(t.display(bytes, false), "[]byte");
        assert_eq!(t.display(uint8s, false), "[]uint8");
        assert_eq!(t.display_as(bytes, TypeStyle::Reflect), "[]uint8");
        let m = t.intern(TypeKind::Map(TypeTable::rune(), bytes));
        assert_eq!(t.display(m, false), "map[rune][]byte");
        assert_eq!(t.display_as(m, TypeStyle::Reflect), "map[int32][]uint8");
        // The canonical entry keeps its own spelling whichever spelling came first.
        let again = t.intern(TypeKind::Map(TypeTable::basic(Basic::Int32), uint8s));
        assert_eq!(t.display(again, false), "map[int32][]uint8");
        // Parameter names are a spelling of a signature.
        let named = t.intern(TypeKind::Func(Signature {
            params: vec![byte, int],
            results: vec![TypeTable::rune()],
            variadic: false,
            names: vec!["b".into(), "n".into(), String::new()],
        }));
        let plain = t.intern(TypeKind::Func(Signature::new(
            vec![uint8, int],
            vec![TypeTable::basic(Basic::Int32)],
            false,
        )));
        assert_eq!(named, plain);
        assert_eq!(t.display(named, false), "func(b byte, n int) rune");
        assert_eq!(t.display(plain, false), "func(uint8, int) int32");
        assert_eq!(
            t.display_as(named, TypeStyle::Reflect),
            "func(uint8, int) int32"
        );
        let results = t.intern(TypeKind::Func(Signature {
            params: vec![],
            results: vec![int, t.find(&TypeKind::Basic(Basic::Bool)).unwrap_or(int)],
            variadic: false,
            names: vec!["n".into(), "ok".into()],
        }));
        assert_eq!(t.display(results, false), "func() (n int, ok bool)");
    }

    #[test]
    fn instances_of_generic_types_print_their_type_arguments_as_go_does() {
        let mut t = TypeTable::new();
        let string = TypeTable::basic(Basic::String);
        let point = t.new_named("Point", "main");
        let pair = t.new_instance("Pair", "main", vec![string, point]);
        let p = t.intern(TypeKind::Pointer(pair));
        assert_eq!(t.type_args(pair), &[string, point]);
        assert!(t.type_args(point).is_empty());
        // go/types' spelling in messages, reflect's in `%T`.
        assert_eq!(t.display(pair, false), "Pair[string, Point]");
        assert_eq!(
            t.display_as(p, TypeStyle::Reflect),
            "*main.Pair[string,main.Point]"
        );
        // Two instances with the same arguments are different named types unless interned
        // by the checker's memo.
        let again = t.new_instance("Pair", "main", vec![string, point]);
        assert_ne!(again, pair);
    }
}
