//! The machine's shared memory: heap cells, maps, channels and package-level variables.
//!
//! - A **cell** ([`ObjId`]) holds one Go value: an escaping variable, a `new(T)` / `&T{}`
//!   allocation, a global, or a slice's backing array (a [`Value::Array`]). A [`Pointer`] names
//!   a cell plus a path of field/element indices inside its value; loads and stores walk it.
//! - **Maps** ([`MapId`]) and **channels** ([`ChanId`]) are tables of the primitives' objects
//!   ([`MapObj`], [`ChanObj`]).
//! - **Globals**: one cell per package-level variable, allocated before `main.init` runs.
//!
//! Accounting: every allocation counts objects and value slots (an array of n elements is n
//! slots) against [`Config`](crate::rt::config::Config) bounds, checked *before* building the
//! value so `make([]int, 1<<40)` fails cleanly instead of exhausting host memory.
//!
//! Invariant: cells are never freed (a run is bounded), so every `ObjId` stays valid.

use crate::bytecode::Program;
use crate::rt::chan::ChanObj;
use crate::rt::config::{Config, LimitHit};
use crate::rt::error::{InternalError, RtError};
use crate::rt::map::MapObj;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ChanId, MapId, ObjId, Pointer, Value};
use crate::types::{Basic, TypeId, TypeKind, TypeTable};
use std::rc::Rc;

/// Why a heap operation failed: a Go runtime error or a racemap bound.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Fault {
    /// A Go panic or fatal error raised by the operation.
    Rt(RtError),
    /// A racemap limit was hit.
    Limit(LimitHit),
    /// A VM invariant broke (a racemap bug): the run ends with `racemap internal error: …`.
    Internal(InternalError),
}

impl From<InternalError> for Fault {
    fn from(e: InternalError) -> Fault {
        Fault::Internal(e)
    }
}

impl From<RtError> for Fault {
    fn from(e: RtError) -> Fault {
        Fault::Rt(e)
    }
}

impl From<LimitHit> for Fault {
    fn from(l: LimitHit) -> Fault {
        Fault::Limit(l)
    }
}

impl From<crate::rt::sync_state::PrimError> for Fault {
    fn from(e: crate::rt::sync_state::PrimError) -> Fault {
        use crate::rt::sync_state::PrimError;
        match e {
            PrimError::Fatal(m) => Fault::Rt(RtError::Fatal { message: m }),
            PrimError::RuntimeError(m) => Fault::Rt(RtError::Panic {
                value: Value::str(&m),
                message: m.into(),
                signal: false,
                runtime_error: true,
            }),
            PrimError::Panic(m) => Fault::Rt(RtError::Panic {
                value: Value::str(&m),
                message: m.into(),
                signal: false,
                runtime_error: false,
            }),
            // Only reachable through a VM bug (stepping a disabled operation).
            PrimError::Blocked(r) => Fault::Internal(InternalError::new(format!(
                "stepped a blocked operation [{}]",
                r.as_str()
            ))),
        }
    }
}

/// One heap cell.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Cell {
    /// The value stored.
    pub value: Value,
    /// The static type of the value (for display), when known.
    pub ty: Option<TypeId>,
}

/// The machine's shared memory. Every object is shared with the clones of the heap until one
/// of them changes it (copy on write: a step changes few objects, and the explorer clones the
/// machine at every step).
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct Heap {
    /// Cells by [`ObjId`], shared with the clones of this heap until one changes (the
    /// explorer copies the heap per search node: a goroutine bomb makes a cell per goroutine).
    pub cells: crate::cow_vec::CowVec<Cell>,
    /// Maps by [`MapId`].
    pub maps: Vec<Rc<MapObj>>,
    /// Channels by [`ChanId`].
    pub chans: crate::cow_vec::CowVec<ChanObj>,
    /// The cell of each package-level variable, by `GlobalId`.
    pub globals: Vec<ObjId>,
    /// What each `sync.Map` shares with its copies (`SyncMapState::store` indexes it).
    pub sync_maps: Vec<Rc<crate::rt::sync_map::SyncMapStore>>,
    /// Value slots allocated so far.
    pub slots: u64,
}

/// Number of value slots a value occupies (arrays and structs count their elements).
pub fn slot_count(v: &Value) -> u64 {
    match v {
        Value::Struct(fs) | Value::Array(fs) => fs.iter().map(slot_count).sum::<u64>().max(1),
        _ => 1,
    }
}

impl Heap {
    fn objects(&self) -> u64 {
        (self.cells.len() + self.maps.len() + self.chans.len()) as u64
    }

    /// Check that `slots` more value slots and one more object fit in the bounds.
    pub fn reserve(&self, config: &Config, slots: u64) -> Result<(), LimitHit> {
        if self.objects() >= u64::from(config.max_heap_objects) {
            return Err(LimitHit::HeapObjects(config.max_heap_objects));
        }
        if self.slots.saturating_add(slots) > config.max_heap_slots {
            return Err(LimitHit::HeapSlots {
                limit: config.max_heap_slots,
                requested: slots,
            });
        }
        Ok(())
    }

    /// Allocate a cell holding `value`.
    pub fn alloc(
        &mut self,
        config: &Config,
        value: Value,
        ty: Option<TypeId>,
    ) -> Result<ObjId, LimitHit> {
        let n = slot_count(&value);
        self.reserve(config, n)?;
        self.slots += n;
        let id = ObjId(self.cells.len() as u32);
        self.cells.push(Cell { value, ty });
        Ok(id)
    }

    /// Allocate a map.
    pub fn alloc_map(&mut self, config: &Config, map: MapObj) -> Result<MapId, LimitHit> {
        self.reserve(config, 1)?;
        self.slots += 1;
        let id = MapId(self.maps.len() as u32);
        self.maps.push(Rc::new(map));
        Ok(id)
    }

    /// Allocate a channel.
    pub fn alloc_chan(&mut self, config: &Config, chan: ChanObj) -> Result<ChanId, LimitHit> {
        self.reserve(config, u64::from(chan.cap) + 1)?;
        self.slots += u64::from(chan.cap) + 1;
        let id = ChanId(self.chans.len() as u32);
        self.chans.push(chan);
        Ok(id)
    }

    /// The value a pointer points to.
    pub fn get(&self, ptr: &Pointer) -> Result<&Value, RtError> {
        let cell = self
            .cells
            .get(ptr.obj.0 as usize)
            .ok_or_else(RtError::nil_deref)?;
        let mut v = &cell.value;
        for &i in ptr.path.iter() {
            v = match v {
                Value::Struct(fs) | Value::Array(fs) => {
                    fs.get(i as usize).ok_or_else(RtError::nil_deref)?
                }
                _ => return Err(RtError::nil_deref()),
            };
        }
        Ok(v)
    }

    /// The value a pointer points to, mutably.
    pub fn get_mut(&mut self, ptr: &Pointer) -> Result<&mut Value, RtError> {
        let cell = self
            .cells
            .get_mut(ptr.obj.0 as usize)
            .ok_or_else(RtError::nil_deref)?;
        let mut v = &mut cell.value;
        for &i in ptr.path.iter() {
            v = match v {
                Value::Struct(fs) | Value::Array(fs) => {
                    fs.get_mut(i as usize).ok_or_else(RtError::nil_deref)?
                }
                _ => return Err(RtError::nil_deref()),
            };
        }
        Ok(v)
    }

    /// Load a copy of the pointee.
    pub fn load(&self, ptr: &Pointer) -> Result<Value, RtError> {
        self.get(ptr).cloned()
    }

    /// Store into the pointee.
    pub fn store(&mut self, ptr: &Pointer, value: Value) -> Result<(), RtError> {
        *self.get_mut(ptr)? = value;
        Ok(())
    }

    /// The sync object a pointer points to.
    pub fn sync_mut(&mut self, ptr: &Pointer) -> Result<&mut SyncState, RtError> {
        match self.get_mut(ptr)? {
            Value::Sync(s) => Ok(s),
            _ => Err(RtError::nil_deref()),
        }
    }

    /// A sync.Map's state with its shared maps and entries filled in from its store (what a
    /// reader of `read`, `dirty` and the entries needs; see `rt::sync_map::store`).
    pub fn filled_sync_map(
        &self,
        s: &crate::rt::sync_map::SyncMapState,
    ) -> crate::rt::sync_map::SyncMapState {
        let mut s = s.clone();
        if let Some(store) = s.store.and_then(|i| self.sync_maps.get(i as usize)) {
            store.fill(&mut s);
        }
        s
    }

    /// `v` with every sync.Map inside it (fields, array elements) filled in from its store.
    pub fn fill_sync_maps(&self, v: &mut Value) {
        match v {
            Value::Sync(s) => {
                if let SyncState::Map(m) = &mut **s {
                    if m.store.is_some() {
                        *m = self.filled_sync_map(m);
                    }
                }
            }
            Value::Struct(fs) | Value::Array(fs) => {
                for f in fs.iter_mut() {
                    self.fill_sync_maps(f);
                }
            }
            _ => {}
        }
    }

    /// The sync object a pointer points to.
    pub fn sync(&self, ptr: &Pointer) -> Result<&SyncState, RtError> {
        match self.get(ptr)? {
            Value::Sync(s) => Ok(s),
            _ => Err(RtError::nil_deref()),
        }
    }

    /// A map by id.
    pub fn map(&self, id: MapId) -> &MapObj {
        &self.maps[id.0 as usize]
    }

    /// A map by id, mutably.
    pub fn map_mut(&mut self, id: MapId) -> &mut MapObj {
        Rc::make_mut(&mut self.maps[id.0 as usize])
    }

    /// A channel by id.
    pub fn chan(&self, id: ChanId) -> &ChanObj {
        &self.chans[id.0 as usize]
    }

    /// A channel by id, mutably.
    pub fn chan_mut(&mut self, id: ChanId) -> &mut ChanObj {
        &mut self.chans[id.0 as usize]
    }

    /// Allocate the cells of the program's globals (zero values).
    pub fn init_globals(&mut self, program: &Program, config: &Config) -> Result<(), Fault> {
        for g in &program.globals {
            let v = zero_value(&program.types, g.ty, config)?;
            let id = self.alloc(config, v, Some(g.ty))?;
            self.globals.push(id);
        }
        Ok(())
    }
}

/// The zero value of a type. Arrays are built eagerly, so their size is checked against the
/// slot bound first.
pub fn zero_value(types: &TypeTable, ty: TypeId, config: &Config) -> Result<Value, LimitHit> {
    zero_depth(types, ty, config, 0)
}

fn zero_depth(
    types: &TypeTable,
    ty: TypeId,
    config: &Config,
    depth: u32,
) -> Result<Value, LimitHit> {
    if depth > 100 {
        return Ok(Value::Unit);
    }
    Ok(match types.under(ty) {
        TypeKind::Basic(b) => match b {
            Basic::Bool | Basic::UntypedBool => Value::Bool(false),
            Basic::Float32 | Basic::Float64 | Basic::UntypedFloat => Value::Float(0.0),
            Basic::String | Basic::UntypedString => Value::str(""),
            Basic::UntypedNil => Value::Iface(None),
            Basic::Invalid => Value::Unit,
            _ => Value::Int(0),
        },
        TypeKind::Named { .. } => Value::Unit,
        TypeKind::Pointer(_) => Value::Ptr(None),
        TypeKind::Slice(_) => Value::Slice(None),
        TypeKind::Map(..) => Value::Map(None),
        TypeKind::Chan(..) => Value::Chan(None),
        TypeKind::Func(_) => Value::Func(None),
        TypeKind::Interface(_) => Value::Iface(None),
        TypeKind::Array(n, t) => {
            if *n > config.max_heap_slots {
                return Err(LimitHit::HeapSlots {
                    limit: config.max_heap_slots,
                    requested: *n,
                });
            }
            let e = zero_depth(types, *t, config, depth + 1)?;
            Value::Array(vec![e; *n as usize].into_boxed_slice())
        }
        TypeKind::Struct(fields) => {
            let mut fs = Vec::with_capacity(fields.len());
            for f in fields {
                fs.push(zero_depth(types, f.ty, config, depth + 1)?);
            }
            Value::Struct(fs.into_boxed_slice())
        }
        TypeKind::Tuple(ts) => {
            let mut fs = Vec::with_capacity(ts.len());
            for t in ts {
                fs.push(zero_depth(types, *t, config, depth + 1)?);
            }
            Value::Struct(fs.into_boxed_slice())
        }
        TypeKind::Sync(k) => Value::Sync(Box::new(SyncState::zero(*k))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_store_through_paths() {
        let config = Config::default();
        let mut heap = Heap::default();
        let v =
            Value::Struct(vec![Value::Int(1), Value::Array(vec![Value::Int(2); 3].into())].into());
        let obj = heap.alloc(&config, v, None).unwrap();
        let p = Pointer::root(obj).child(1).child(2);
        assert_eq!(heap.load(&p), Ok(Value::Int(2)));
        heap.store(&p, Value::Int(7)).unwrap();
        assert_eq!(heap.load(&p), Ok(Value::Int(7)));
        assert_eq!(heap.load(&Pointer::root(obj).child(0)), Ok(Value::Int(1)));
        assert_eq!(heap.slots, 4);
    }

    #[test]
    fn huge_allocations_hit_the_slot_bound() {
        let config = Config::default();
        let heap = Heap::default();
        assert_eq!(
            heap.reserve(&config, 1 << 40),
            Err(LimitHit::HeapSlots {
                limit: config.max_heap_slots,
                requested: 1 << 40
            })
        );
        let mut types = TypeTable::new();
        let arr = types.intern(TypeKind::Array(1 << 40, TypeTable::basic(Basic::Int)));
        assert!(zero_value(&types, arr, &config).is_err());
    }
}
