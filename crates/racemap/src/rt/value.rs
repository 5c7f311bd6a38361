//! Runtime values.
//!
//! A [`Value`] is plain data: cloning it copies a Go value (structs and arrays by value, maps,
//! channels, slices, pointers and closures by reference to machine-owned objects). Sync objects
//! (`sync.Mutex` …) are values too, so a value receiver copies a mutex exactly as Go does; their
//! waiters are not stored in them — a goroutine is blocked when its pending operation is not
//! enabled (see `rt::machine`).
//!
//! Invariant: ids inside values ([`ObjId`], [`MapId`], [`ChanId`]) index tables of the machine
//! that produced them; values never point into another machine.

pub use crate::gostr::GoString;
use crate::types::TypeId;
use std::cmp::Ordering;
use std::rc::Rc;

/// A heap object: an escaping variable, a `new`/`&T{}` allocation, a slice's backing array.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjId(pub u32);

/// A map object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MapId(pub u32);

/// A channel object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChanId(pub u32);

pub use crate::bytecode::FuncId;

/// The address of a variable: a heap object and a path of field/element indices inside it.
/// `&c.mu` where `c` points to object 3 is `Pointer { obj: 3, path: [0] }`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pointer {
    /// The object holding the variable.
    pub obj: ObjId,
    /// Field or element indices from the object's root value.
    pub path: Rc<[u32]>,
}

impl Pointer {
    /// A pointer to the whole object.
    pub fn root(obj: ObjId) -> Pointer {
        Pointer {
            obj,
            path: Rc::from(Vec::new()),
        }
    }

    /// A pointer to field or element `i` of the pointee.
    pub fn child(&self, i: u32) -> Pointer {
        let mut p = self.path.to_vec();
        p.push(i);
        Pointer {
            obj: self.obj,
            path: Rc::from(p),
        }
    }
}

/// A slice header: a window on a backing array (a [`Value::Array`]): a heap object of its own
/// or an array inside one (`t.a[1:3]` with `a` a field of the variable `t`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SliceRef {
    /// The object holding the backing array.
    pub obj: ObjId,
    /// The path of the backing array inside `obj` (empty: `obj` is the array).
    pub base: Rc<[u32]>,
    /// Index of element 0 in the backing array.
    pub off: u32,
    /// Length.
    pub len: u32,
    /// Capacity (from `off`).
    pub cap: u32,
}

impl SliceRef {
    /// A pointer to the backing array.
    pub fn array(&self) -> Pointer {
        Pointer {
            obj: self.obj,
            path: self.base.clone(),
        }
    }

    /// A pointer to element `i` of the slice (element `off + i` of the backing array).
    pub fn elem(&self, i: u32) -> Pointer {
        self.array().child(self.off + i)
    }
}

/// A function value: a top-level function, a closure with its captured variables, or a method
/// value with its bound receiver.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Closure {
    /// The code.
    pub func: FuncId,
    /// Captured variables, in the order the function's `Capture(i)` instructions use.
    pub captures: Vec<Pointer>,
    /// The receiver of a method value (`c.Get` used as a value), passed as first argument.
    pub bound: Option<Value>,
}

/// A Go value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `bool`.
    Bool(bool),
    /// Every integer type, kept wrapped to its width by the instruction that produced it.
    Int(i64),
    /// `float32` (rounded) and `float64`.
    Float(f64),
    /// `string`: immutable bytes, shared.
    Str(GoString),
    /// `*T`; `None` is nil.
    Ptr(Option<Pointer>),
    /// `map[K]V`; `None` is a nil map.
    Map(Option<MapId>),
    /// `chan T`; `None` is a nil channel.
    Chan(Option<ChanId>),
    /// `[]T`; `None` is a nil slice.
    Slice(Option<SliceRef>),
    /// `func`; `None` is a nil func.
    Func(Option<Rc<Closure>>),
    /// A struct value, fields in declaration order.
    Struct(Box<[Value]>),
    /// An array value (also the content of a slice's backing object).
    Array(Box<[Value]>),
    /// An interface value: its dynamic type and value; `None` is a nil interface.
    Iface(Option<Box<(TypeId, Value)>>),
    /// A sync or atomic object's state (`sync.Mutex`, `sync.Map`, `atomic.Int64`, …).
    Sync(Box<crate::rt::sync_state::SyncState>),
    /// The empty value of `struct{}` used where a unit result is needed (e.g. `chan struct{}`
    /// elements are `Struct([])`; this variant is for instructions with no result).
    Unit,
}

impl Value {
    /// The variant's name (`Int`, `Str`, …), for internal error messages (cheaper in the page's
    /// wasm than `Debug`, which would bring in the `Debug` of every runtime type).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Bool(_) => "Bool",
            Value::Int(_) => "Int",
            Value::Float(_) => "Float",
            Value::Str(_) => "Str",
            Value::Ptr(_) => "Ptr",
            Value::Map(_) => "Map",
            Value::Chan(_) => "Chan",
            Value::Slice(_) => "Slice",
            Value::Func(_) => "Func",
            Value::Struct(_) => "Struct",
            Value::Array(_) => "Array",
            Value::Iface(_) => "Iface",
            Value::Sync(_) => "Sync",
            Value::Unit => "Unit",
        }
    }

    /// A string value.
    pub fn str(s: &str) -> Value {
        Value::Str(GoString::from(s))
    }

    /// The integer inside, if any.
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// The bool inside, if any.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// A map key: the comparable part of a [`Value`], totally ordered the way `fmt` sorts map keys
/// (`internal/fmtsort`): numbers by value, strings by bytes, `false < true`, pointers and
/// channels by address, interfaces by dynamic type then value, structs and arrays field by field.
#[derive(Clone, Debug, PartialEq)]
pub enum MapKey {
    /// nil (pointer, channel or interface).
    Nil,
    /// `bool`.
    Bool(bool),
    /// Integers.
    Int(i64),
    /// Floats (NaN keys compare unequal to themselves in Go; racemap orders them first).
    Float(f64),
    /// Strings (compared byte-wise).
    Str(GoString),
    /// Pointers.
    Ptr(Pointer),
    /// Channels.
    Chan(ChanId),
    /// Interface values: dynamic type, then key.
    Iface(TypeId, Box<MapKey>),
    /// Structs and arrays, element-wise.
    Tuple(Vec<MapKey>),
}

impl Eq for MapKey {}

impl PartialOrd for MapKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for MapKey {
    fn cmp(&self, other: &Self) -> Ordering {
        use MapKey::*;
        fn rank(k: &MapKey) -> u8 {
            match k {
                Nil => 0,
                Bool(_) => 1,
                Int(_) => 2,
                Float(_) => 3,
                Str(_) => 4,
                Ptr(_) => 5,
                Chan(_) => 6,
                Iface(..) => 7,
                Tuple(_) => 8,
            }
        }
        match (self, other) {
            (Bool(a), Bool(b)) => a.cmp(b),
            (Int(a), Int(b)) => a.cmp(b),
            (Float(a), Float(b)) => a.total_cmp(b),
            (Str(a), Str(b)) => a.cmp(b),
            (Ptr(a), Ptr(b)) => a.cmp(b),
            (Chan(a), Chan(b)) => a.cmp(b),
            (Iface(ta, a), Iface(tb, b)) => ta.cmp(tb).then_with(|| a.cmp(b)),
            (Tuple(a), Tuple(b)) => a.cmp(b),
            _ => rank(self).cmp(&rank(other)),
        }
    }
}

/// Hashing for the explorer's state fingerprints (`explore::stateful`): exact, floats by their
/// bits (so `0.0` and `-0.0`, or two NaNs with different payloads, hash apart; a fingerprint
/// may tell equal states apart, never merge different ones).
impl std::hash::Hash for Value {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        std::mem::discriminant(self).hash(h);
        match self {
            Value::Bool(b) => b.hash(h),
            Value::Int(i) => i.hash(h),
            Value::Float(f) => f.to_bits().hash(h),
            Value::Str(s) => s.hash(h),
            Value::Ptr(p) => p.hash(h),
            Value::Map(m) => m.hash(h),
            Value::Chan(c) => c.hash(h),
            Value::Slice(s) => s.hash(h),
            Value::Func(f) => f.hash(h),
            Value::Struct(fs) | Value::Array(fs) => fs.hash(h),
            Value::Iface(i) => i.hash(h),
            Value::Sync(s) => s.hash(h),
            Value::Unit => {}
        }
    }
}

/// Exact hashing, floats by their bits (see [`Value`]'s).
impl std::hash::Hash for MapKey {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        std::mem::discriminant(self).hash(h);
        match self {
            MapKey::Nil => {}
            MapKey::Bool(b) => b.hash(h),
            MapKey::Int(i) => i.hash(h),
            MapKey::Float(f) => f.to_bits().hash(h),
            MapKey::Str(s) => s.hash(h),
            MapKey::Ptr(p) => p.hash(h),
            MapKey::Chan(c) => c.hash(h),
            MapKey::Iface(t, k) => {
                t.hash(h);
                k.hash(h)
            }
            MapKey::Tuple(ks) => ks.hash(h),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keys_sort_like_fmt() {
        let mut keys = vec![
            MapKey::Str("b".into()),
            MapKey::Str("a".into()),
            MapKey::Str("B".into()),
        ];
        keys.sort();
        assert_eq!(
            keys,
            vec![
                MapKey::Str("B".into()),
                MapKey::Str("a".into()),
                MapKey::Str("b".into())
            ]
        );
        let mut ints = vec![MapKey::Int(10), MapKey::Int(-1), MapKey::Int(2)];
        ints.sort();
        assert_eq!(ints, vec![MapKey::Int(-1), MapKey::Int(2), MapKey::Int(10)]);
    }
}
