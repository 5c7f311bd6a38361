//! `sync.Map`, modelled on its classic design (Go 1.9–1.23, src/sync/map.go; Go 1.24 moved to
//! a hash trie with the same guarantees). The internal steps are the lesson, so each call is a
//! step machine ([`SyncMapOp`]) advanced one visible step at a time, and the state keeps Go's
//! fields so the visualizer can show `read` vs `dirty`, `misses`, promotions and the lock.
//!
//! The design:
//! - `read` is an atomically published, immutable snapshot `{m: key → *entry, amended}`;
//!   `amended` means `dirty` holds keys `read.m` lacks.
//! - `dirty` is a plain map guarded by the mutex `mu`; when it exists it holds every
//!   non-expunged entry of `read.m` plus the new keys.
//! - Entries are shared by `read` and `dirty`; an entry's pointer `p` is a value, `nil`
//!   (deleted, still in `dirty` if `dirty` exists) or `expunged` (deleted and absent from
//!   `dirty`). Entries present in `read` are updated lock-free by atomic operations on `p`.
//! - `Load`: look up `read` lock-free. On a miss with `amended`, lock `mu`, re-check `read`, look
//!   in `dirty`, count a miss (`missLocked`): when `misses >= len(dirty)` the dirty map is
//!   *promoted*: `read = {m: dirty}`, `dirty = nil`, `misses = 0`.
//! - `Store`: if the key is in `read` and its entry is not expunged, CAS the value lock-free.
//!   Otherwise lock `mu`: a key in `read` (unexpunge it into `dirty` if expunged) or in `dirty` is
//!   updated in place; a new key, when `read` is not amended, first copies `read` into a fresh
//!   `dirty` (`dirtyLocked`, turning deleted entries into expunged ones and leaving them out)
//!   and publishes `read` with `amended = true`; then the new entry goes into `dirty`.
//! - `LoadOrStore`: like `Store`, but a present value is returned instead (a dirty hit counts a
//!   miss); `LoadAndDelete`/`Delete`: like `Load`, but the found entry's `p` becomes nil (a key
//!   only in `dirty` is removed from it); `Range`: if amended, lock and promote `dirty` at once,
//!   then iterate over the `read` snapshot, loading each entry and calling f for live ones
//!   (`Range` holds no lock while f runs; f may call any method of the map).
//!   `Swap` and `CompareAndSwap` (Go 1.20's sync/map.go; Go 1.19 has neither) follow the same
//!   pattern, deciding inside their steps (a dirty hit of `CompareAndSwap` counts a miss);
//!   `CompareAndDelete` and `Clear` are not modelled.
//!
//! Steps of one call: [`Phase::Fast`] (load `read`, try the lock-free path), then if needed
//! [`Phase::Lock`] (take `mu`: blocked while another call holds it) and [`Phase::Slow`] (the
//! locked part, ending with the unlock), then for `Range` one [`Phase::Iterate`] step per
//! entry of its snapshot (the atomic load of the entry's `p`: yield to f when live, else skip).
//!
//! Happens-before (Go's documented guarantee: a write operation is synchronized before any
//! read operation that observes its effect), as Go's race detector sees the implementation:
//! every atomic access of an entry's `p` is an Acquire (load) and Release (store/CAS) of
//! `SyncMapKey(addr, key)`; loading `read` is `Acquire(Atomic(addr.child(1)))` and publishing
//! it `Release(Atomic(addr.child(1)))` (`read` is field 1 of Go's struct); `mu` (field 0) is
//! `Acquire/Release(Lock(addr.child(0)))`.
//!
//! Iteration order of `Range`: Go ranges over `read.m`, a Go map, from a random start. racemap
//! keeps `read.m`'s entries in creation order as its slot order and starts like a map loop
//! (`rt::map::rotation`): the step that takes the snapshot offers one alternative per distinct
//! order ([`SyncMapState::range_alternatives`]).
//!
//! Copies: `read.m`, `dirty` and the entries are shared by the copies of a sync.Map, as the
//! pointers inside Go's struct are (`store`).
//!
//! Files: this one (state, calls, the step dispatcher), `fast` (the lock-free first step),
//! `slow` (the locked path and `Range`'s iteration), `store` (what copies share).

mod fast;
mod slow;
mod store;
#[cfg(test)]
mod tests;

pub use store::{MapRef, SyncMapStore};

use crate::bytecode::LibFunc;
use crate::rt::event::{Effect, Gid, SyncVar, WaitReason};
use crate::rt::goroutine::Arrival;
use crate::rt::mutex::MutexState;
use crate::rt::sync_state::PrimError;
use crate::rt::value::{MapKey, Pointer, Value};
use crate::types::TypeTable;
use std::collections::BTreeMap;

/// Index of an entry in [`SyncMapState::entries`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId(pub u32);

/// The pointer `p` of Go's `entry`.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum EntryP {
    /// A stored value (an interface value, possibly a nil interface).
    Value(Value),
    /// `nil`: deleted, but still present in `dirty` if `dirty` exists.
    Deleted,
    /// `expunged`: deleted and absent from `dirty`.
    Expunged,
}

/// One `entry`, shared by `read` and `dirty`.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Entry {
    /// The key as a Go value (an interface value).
    pub key: Value,
    /// The hashed key.
    pub map_key: MapKey,
    /// The entry's state.
    pub p: EntryP,
}

/// Go's `readOnly`: the atomically published snapshot.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct ReadOnly {
    /// Key → entry. Never mutated after publication (a new `ReadOnly` replaces it).
    pub m: BTreeMap<MapKey, EntryId>,
    /// `dirty` holds keys that `m` lacks.
    // Invariant: `amended` implies `SyncMapState::dirty.is_some()`.
    pub amended: bool,
}

/// State of a `sync.Map` (one copy of it: see `store`).
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct SyncMapState {
    /// The internal mutex `mu` guarding `dirty` and `misses` (its holder is shown).
    pub mu: MutexState,
    /// The `read` snapshot.
    pub read: ReadOnly,
    /// The `dirty` map (`None` is Go's nil).
    // Invariant: when `Some`, it contains every entry of `read.m` whose `p` is not `Expunged`.
    pub dirty: Option<BTreeMap<MapKey, EntryId>>,
    /// Loads that needed `mu` since the last promotion.
    pub misses: u32,
    /// Number of promotions of `dirty` to `read` so far (display).
    pub promotions: u32,
    /// All entries ever created (referenced by id from `read` and `dirty`).
    pub entries: Vec<Entry>,
    /// The machine's store of this map and its copies (`Heap::sync_maps`), once it has stepped.
    // Invariant: while `store` is `Some`, `read.m`, `dirty` and `entries` hold data only during
    // a step (`SyncMapStore::fill` … `write_back`); readers fill a copy first.
    pub store: Option<u32>,
    /// Which map of the store `read.m` is (`None`: empty).
    pub read_ref: Option<MapRef>,
    /// Which map of the store `dirty` is (`None`: nil).
    pub dirty_ref: Option<MapRef>,
    /// During a step: the sync.Map whose address names the entries' atomic words for the race
    /// detector (the store's owner, shared by all copies).
    pub entry_owner: Option<Pointer>,
}

/// Whether a library function is a `sync.Map` method (its receiver, from the library table;
/// run by the VM as a step machine).
pub fn is_sync_map_method(f: LibFunc) -> bool {
    f.receiver() == Some(crate::types::SyncKind::Map)
}

/// A `sync.Map` method call.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum SyncMapCall {
    /// `Load(key) (value any, ok bool)`.
    Load {
        /// The key (an interface value).
        key: Value,
    },
    /// `Store(key, value)`.
    Store {
        /// The key.
        key: Value,
        /// The value.
        value: Value,
    },
    /// `LoadOrStore(key, value) (actual any, loaded bool)`.
    LoadOrStore {
        /// The key.
        key: Value,
        /// The value to store if absent.
        value: Value,
    },
    /// `LoadAndDelete(key) (value any, loaded bool)`.
    LoadAndDelete {
        /// The key.
        key: Value,
    },
    /// `Delete(key)`.
    Delete {
        /// The key.
        key: Value,
    },
    /// `Range(f)`: f is called by the VM for each [`SyncMapOutcome::Yield`].
    Range,
    /// `Swap(key, value) (previous any, loaded bool)` (Go 1.20, same classic design).
    Swap {
        /// The key.
        key: Value,
        /// The new value.
        value: Value,
    },
    /// `CompareAndSwap(key, old, new) (swapped bool)` (Go 1.20). Values are compared with
    /// `==` on interface values (uncomparable dynamic types do not panic here: a known gap).
    CompareAndSwap {
        /// The key.
        key: Value,
        /// The expected value.
        old: Value,
        /// The value to store when the current one equals `old`.
        new: Value,
    },
}

/// Where a call is.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Phase {
    /// The first step: load `read` and try the lock-free path.
    Fast,
    /// Waiting to take `mu`.
    Lock,
    /// Holding `mu`: the locked part, ending with the unlock.
    Slow,
    /// `Range` over a snapshot of `read.m`: the entries still to visit.
    Iterate {
        /// The snapshot's entries in the loop's order.
        snapshot: Vec<EntryId>,
        /// Next position in `snapshot`.
        pos: usize,
    },
    /// The call has returned.
    Finished,
}

/// An in-flight `sync.Map` call, kept in the goroutine by the VM.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct SyncMapOp {
    /// The call.
    pub call: SyncMapCall,
    /// The hashed key (`None` for `Range`).
    pub key: Option<MapKey>,
    /// The next step.
    pub phase: Phase,
    /// `Range`: the alternative the scheduler chose for the step that takes the snapshot (an
    /// index into the distinct iteration orders, see [`SyncMapState::range_alternatives`]).
    pub range_start: u32,
}

/// Which write a locked store path performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum WriteMode {
    Store,
    LoadOrStore,
    Swap,
}

/// What a step produced for the program.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum SyncMapOutcome {
    /// The call continues: the goroutine stays parked at the same call (the next step may block
    /// on `mu`).
    Continue,
    /// `Range`: call `f(key, value)`; if it returns true, step again; if false, `Range` returns
    /// (drop the op).
    Yield {
        /// The key.
        key: Value,
        /// The value.
        value: Value,
    },
    /// The call returned these results (Go's result list: `Load` → `[value, ok]`,
    /// `LoadOrStore` → `[actual, loaded]`, `LoadAndDelete` → `[value, loaded]`, `Store`,
    /// `Delete`, `Range` → `[]`, `Swap` → `[previous, loaded]`, `CompareAndSwap` →
    /// `[swapped]`). Values are interface values; absent values are nil.
    Return(Vec<Value>),
}

/// One visible step of a call.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct SyncMapStep {
    /// What happened, in words, for `Op::SyncMap { step }`.
    pub text: String,
    /// Memory-model effects, in order.
    pub effects: Vec<Effect>,
    /// What the program gets.
    pub outcome: SyncMapOutcome,
}

impl SyncMapOp {
    /// Start a call; hashes the key, so an unhashable key panics here
    /// (`runtime error: hash of unhashable type []int`) as in Go's first lookup.
    pub fn new(call: SyncMapCall, types: &TypeTable) -> Result<SyncMapOp, PrimError> {
        let key = match &call {
            SyncMapCall::Load { key }
            | SyncMapCall::Store { key, .. }
            | SyncMapCall::LoadOrStore { key, .. }
            | SyncMapCall::LoadAndDelete { key }
            | SyncMapCall::Delete { key }
            | SyncMapCall::Swap { key, .. }
            | SyncMapCall::CompareAndSwap { key, .. } => Some(MapKey::from_value(key, types)?),
            SyncMapCall::Range => None,
        };
        Ok(SyncMapOp {
            call,
            key,
            phase: Phase::Fast,
            range_start: 0,
        })
    }

    /// The method name.
    pub fn name(&self) -> &'static str {
        match self.call {
            SyncMapCall::Load { .. } => "Load",
            SyncMapCall::Store { .. } => "Store",
            SyncMapCall::LoadOrStore { .. } => "LoadOrStore",
            SyncMapCall::LoadAndDelete { .. } => "LoadAndDelete",
            SyncMapCall::Delete { .. } => "Delete",
            SyncMapCall::Range => "Range",
            SyncMapCall::Swap { .. } => "Swap",
            SyncMapCall::CompareAndSwap { .. } => "CompareAndSwap",
        }
    }

    /// `Load("a")`, `Store("a", 1)`: the call as shown in step texts.
    pub fn label(&self) -> String {
        match &self.call {
            SyncMapCall::Load { key }
            | SyncMapCall::LoadAndDelete { key }
            | SyncMapCall::Delete { key } => format!("{}({})", self.name(), show(key)),
            SyncMapCall::Store { key, value }
            | SyncMapCall::LoadOrStore { key, value }
            | SyncMapCall::Swap { key, value } => {
                format!("{}({}, {})", self.name(), show(key), show(value))
            }
            SyncMapCall::CompareAndSwap { key, old, new } => {
                format!(
                    "CompareAndSwap({}, {}, {})",
                    show(key),
                    show(old),
                    show(new)
                )
            }
            SyncMapCall::Range => "Range".into(),
        }
    }

    fn key_value(&self) -> Value {
        match &self.call {
            SyncMapCall::Load { key }
            | SyncMapCall::Store { key, .. }
            | SyncMapCall::LoadOrStore { key, .. }
            | SyncMapCall::LoadAndDelete { key }
            | SyncMapCall::Delete { key }
            | SyncMapCall::Swap { key, .. }
            | SyncMapCall::CompareAndSwap { key, .. } => key.clone(),
            SyncMapCall::Range => Value::Iface(None),
        }
    }
}

/// A short rendering of an interface value for step texts: `"a"`, `1`, `true`, `nil`.
pub fn show(v: &Value) -> String {
    match v {
        Value::Iface(None) => "nil".into(),
        Value::Iface(Some(b)) => show(&b.1),
        Value::Str(s) => crate::strconv::quote_with(s.as_bytes(), '"', false),
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Float(f) => crate::rt::fmt::format_float(*f, 'g', -1, 64),
        Value::Struct(fs) | Value::Array(fs) => {
            let parts: Vec<String> = fs.iter().map(show).collect();
            format!("{{{}}}", parts.join(" "))
        }
        Value::Ptr(None) | Value::Map(None) | Value::Chan(None) | Value::Slice(None) => {
            "nil".into()
        }
        _ => "…".into(),
    }
}

fn nil() -> Value {
    Value::Iface(None)
}

/// What an entry's `p` holds, as a result value: `Some(value)` when live.
fn live(p: &EntryP) -> Option<Value> {
    match p {
        EntryP::Value(v) => Some(v.clone()),
        _ => None,
    }
}

impl SyncMapState {
    fn read_var(addr: &Pointer) -> SyncVar {
        SyncVar::Atomic(addr.child(1))
    }

    fn mu_var(addr: &Pointer) -> SyncVar {
        SyncVar::Lock(addr.child(0))
    }

    /// The atomic word of the entry of `key` (named after the store's owner, so that copies
    /// of a map synchronize through their shared entries).
    fn key_var(&self, addr: &Pointer, key: &MapKey) -> SyncVar {
        SyncVar::SyncMapKey(
            self.entry_owner.as_ref().unwrap_or(addr).clone(),
            key.clone(),
        )
    }

    fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.entries.get(id.0 as usize)
    }

    fn entry_p(&self, id: EntryId) -> EntryP {
        self.entry(id).map_or(EntryP::Expunged, |e| e.p.clone())
    }

    fn set_p(&mut self, id: EntryId, p: EntryP) {
        if let Some(e) = self.entries.get_mut(id.0 as usize) {
            e.p = p;
        }
    }

    fn new_entry(&mut self, key: Value, map_key: MapKey, value: Value) -> EntryId {
        self.entries.push(Entry {
            key,
            map_key,
            p: EntryP::Value(value),
        });
        EntryId(self.entries.len() as u32 - 1)
    }

    /// The live (key, value) pairs, in key order, as a reader would see them through `read` and
    /// `dirty` (for display and tests).
    pub fn contents(&self) -> Vec<(Value, Value)> {
        let mut all: BTreeMap<&MapKey, EntryId> =
            self.read.m.iter().map(|(k, v)| (k, *v)).collect();
        if let Some(d) = &self.dirty {
            all.extend(d.iter().map(|(k, v)| (k, *v)));
        }
        all.values()
            .filter_map(|id| {
                let e = self.entry(*id)?;
                live(&e.p).map(|v| (e.key.clone(), v))
            })
            .collect()
    }

    /// The entries the next step of a `Range` call in `phase` snapshots (in slot order: creation
    /// order), or `None` when that step takes no snapshot.
    fn range_snapshot_slots(&self, phase: &Phase) -> Option<Vec<Option<EntryId>>> {
        let m = match phase {
            Phase::Fast if !self.read.amended => &self.read.m,
            Phase::Slow if self.read.amended => self.dirty.as_ref()?,
            Phase::Slow => &self.read.m,
            _ => return None,
        };
        let mut ids: Vec<EntryId> = m.values().copied().collect();
        crate::stable_sort::sort(&mut ids);
        Some(ids.into_iter().map(Some).collect())
    }

    /// How many alternatives the next step of a `Range` call in `phase` has: one per distinct
    /// order of the snapshot it takes (1 when it takes none).
    pub fn range_alternatives(&self, phase: &Phase) -> u32 {
        match self.range_snapshot_slots(phase) {
            Some(slots) => {
                let b = crate::rt::map::buckets_log2_for(slots.len());
                crate::rt::map::distinct_starts(&slots, b).len() as u32
            }
            None => 1,
        }
    }

    /// The snapshot the next `Range` step takes, in the order of alternative `alt`.
    fn range_snapshot(&self, phase: &Phase, alt: u32) -> Vec<EntryId> {
        let slots = self.range_snapshot_slots(phase).unwrap_or_default();
        let b = crate::rt::map::buckets_log2_for(slots.len());
        let starts = crate::rt::map::distinct_starts(&slots, b);
        let start = starts.get(alt as usize).copied().unwrap_or(0);
        crate::rt::map::rotation(&slots, b, start)
            .into_iter()
            .copied()
            .collect()
    }

    /// The next step of `op` can run now: false only while waiting for `mu` held by another call.
    pub fn can_step(&self, op: &SyncMapOp) -> bool {
        !(op.phase == Phase::Lock && self.mu.is_locked())
    }

    /// Why the call is blocked (`sync.Mutex.Lock`, as Go's stack shows for `mu`), if it is.
    pub fn wait_reason(&self, op: &SyncMapOp) -> Option<WaitReason> {
        (!self.can_step(op)).then_some(WaitReason::MutexLock)
    }

    /// `missLocked`: count a miss; promote `dirty` when `misses >= len(dirty)`. Appends to the
    /// step text and effects.
    fn miss_locked(&mut self, addr: &Pointer, text: &mut String, fx: &mut Vec<Effect>) {
        self.misses += 1;
        let n = self.dirty.as_ref().map_or(0, |d| d.len());
        if (self.misses as usize) < n {
            text.push_str(&format!("; misses {}/{}", self.misses, n));
            return;
        }
        text.push_str(&format!(
            "; misses {} ≥ len(dirty) {} → promote dirty to read",
            self.misses, n
        ));
        self.promote(addr, fx);
    }

    fn promote(&mut self, addr: &Pointer, fx: &mut Vec<Effect>) {
        self.read = ReadOnly {
            m: self.dirty.take().unwrap_or_default(),
            amended: false,
        };
        // `read = readOnly{m: dirty}`: the same Go map, now shared by `read` (and by the `dirty`
        // of any copy that still has it).
        self.read_ref = self.dirty_ref.take();
        self.misses = 0;
        self.promotions += 1;
        fx.push(Effect::Release(Self::read_var(addr)));
    }

    /// `dirtyLocked`: when `dirty` is nil, copy the live entries of `read` into a new `dirty`,
    /// expunging deleted ones.
    fn dirty_locked(&mut self, addr: &Pointer, text: &mut String, fx: &mut Vec<Effect>) {
        if self.dirty.is_some() {
            return;
        }
        let mut dirty = BTreeMap::new();
        let mut expunged = Vec::new();
        let read: Vec<(MapKey, EntryId)> =
            self.read.m.iter().map(|(k, v)| (k.clone(), *v)).collect();
        for (k, id) in read {
            fx.push(Effect::Acquire(self.key_var(addr, &k)));
            match self.entry_p(id) {
                EntryP::Deleted => {
                    self.set_p(id, EntryP::Expunged);
                    fx.push(Effect::Release(self.key_var(addr, &k)));
                    expunged.push(k);
                }
                EntryP::Expunged => {}
                EntryP::Value(_) => {
                    dirty.insert(k, id);
                }
            }
        }
        text.push_str(&format!("; dirty = copy of read ({} keys", dirty.len()));
        if !expunged.is_empty() {
            text.push_str(&format!(", {} expunged", expunged.len()));
        }
        text.push(')');
        self.dirty = Some(dirty);
    }

    /// Advance `op` by one visible step for goroutine `gid`; `addr` is the sync.Map's address.
    /// `Blocked` if called while [`can_step`](Self::can_step) is false.
    pub fn step(
        &mut self,
        gid: Gid,
        addr: &Pointer,
        op: &mut SyncMapOp,
    ) -> Result<SyncMapStep, PrimError> {
        self.step_at(gid, addr, op, Arrival::default())
    }

    /// [`SyncMapState::step`], a step that unlocks `mu` doing so as the machine's arrival `at`.
    pub fn step_at(
        &mut self,
        gid: Gid,
        addr: &Pointer,
        op: &mut SyncMapOp,
        at: Arrival,
    ) -> Result<SyncMapStep, PrimError> {
        match op.phase.clone() {
            Phase::Fast => Ok(self.step_fast(addr, op)),
            Phase::Lock => {
                // `mu`'s own effects are replaced by the step's (on `mu_var`).
                self.mu.lock(gid, addr)?;
                op.phase = Phase::Slow;
                Ok(SyncMapStep {
                    text: format!("{}: mu.Lock()", op.label()),
                    effects: vec![Effect::Acquire(Self::mu_var(addr))],
                    outcome: SyncMapOutcome::Continue,
                })
            }
            Phase::Slow => Ok(self.step_slow(addr, op, at)),
            Phase::Iterate { snapshot, pos } => Ok(self.step_iterate(addr, op, snapshot, pos)),
            Phase::Finished => Ok(SyncMapStep {
                text: format!("{}: returned", op.label()),
                effects: vec![],
                outcome: SyncMapOutcome::Return(vec![]),
            }),
        }
    }

    fn finish(
        op: &mut SyncMapOp,
        text: String,
        fx: Vec<Effect>,
        results: Vec<Value>,
    ) -> SyncMapStep {
        op.phase = Phase::Finished;
        SyncMapStep {
            text,
            effects: fx,
            outcome: SyncMapOutcome::Return(results),
        }
    }

    fn to_lock(op: &mut SyncMapOp, text: String, fx: Vec<Effect>) -> SyncMapStep {
        op.phase = Phase::Lock;
        SyncMapStep {
            text: format!("{text} → lock mu"),
            effects: fx,
            outcome: SyncMapOutcome::Continue,
        }
    }
}
