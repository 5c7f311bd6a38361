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
//!   `Swap` and `CompareAndSwap` (Go 1.20) follow the same pattern (a dirty hit of
//!   `CompareAndSwap` counts a miss); `CompareAndDelete` and `Clear` are not modelled.
//!
//! Steps of one call: [`Phase::Fast`] (load `read`, try the lock-free path), then if needed
//! [`Phase::Lock`] (take `mu`: blocked while another call holds it) and [`Phase::Slow`] (the
//! locked part, ending with the unlock), then for `Range` one [`Phase::Iterate`] step per
//! entry handed to f.
//!
//! Happens-before (Go's documented guarantee: a write operation is synchronized before any
//! read operation that observes its effect), as Go's race detector sees the implementation:
//! every atomic access of an entry's `p` is an Acquire (load) and Release (store/CAS) of
//! `SyncMapKey(addr, key)`; loading `read` is `Acquire(Atomic(addr.child(1)))` and publishing
//! it `Release(Atomic(addr.child(1)))` (`read` is field 1 of Go's struct); `mu` (field 0) is
//! `Acquire/Release(Lock(addr.child(0)))`.
//!
//! Iteration order of `Range` is key order ([`MapKey`]), one of the orders Go may use.

use crate::bytecode::LibFunc;
use crate::lang::types::TypeTable;
use crate::rt::event::{Effect, Gid, SyncVar, WaitReason};
use crate::rt::mutex::MutexState;
use crate::rt::sync_state::PrimError;
use crate::rt::value::{MapKey, Pointer, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Index of an entry in [`SyncMapState::entries`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntryId(pub u32);

/// The pointer `p` of Go's `entry`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EntryP {
    /// A stored value (an interface value, possibly a nil interface).
    Value(Value),
    /// `nil`: deleted, but still present in `dirty` if `dirty` exists.
    Deleted,
    /// `expunged`: deleted and absent from `dirty`.
    Expunged,
}

/// One `entry`, shared by `read` and `dirty`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The key as a Go value (an interface value).
    pub key: Value,
    /// The hashed key.
    pub map_key: MapKey,
    /// The entry's state.
    pub p: EntryP,
}

/// Go's `readOnly`: the atomically published snapshot.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadOnly {
    /// Key → entry. Never mutated after publication (a new `ReadOnly` replaces it).
    pub m: BTreeMap<MapKey, EntryId>,
    /// `dirty` holds keys that `m` lacks.
    // Invariant: `amended` implies `SyncMapState::dirty.is_some()`.
    pub amended: bool,
}

/// State of a `sync.Map`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
}

/// Whether a library function is a `sync.Map` method (the one list the VM and the
/// scheduler's enabledness share).
pub fn is_sync_map_method(f: LibFunc) -> bool {
    matches!(
        f,
        LibFunc::SyncMapLoad
            | LibFunc::SyncMapStore
            | LibFunc::SyncMapLoadOrStore
            | LibFunc::SyncMapLoadAndDelete
            | LibFunc::SyncMapDelete
            | LibFunc::SyncMapSwap
            | LibFunc::SyncMapCompareAndSwap
            | LibFunc::SyncMapRange
    )
}

/// A `sync.Map` method call.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Phase {
    /// The first step: load `read` and try the lock-free path.
    Fast,
    /// Waiting to take `mu`.
    Lock,
    /// Holding `mu`: the locked part, ending with the unlock.
    Slow,
    /// `Range` over a snapshot of `read.m`: the entries still to visit.
    Iterate {
        /// The snapshot's entries in key order.
        snapshot: Vec<EntryId>,
        /// Next position in `snapshot`.
        pos: usize,
    },
    /// The call has returned.
    Finished,
}

/// An in-flight `sync.Map` call, kept in the goroutine by the VM.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncMapOp {
    /// The call.
    pub call: SyncMapCall,
    /// The hashed key (`None` for `Range`).
    pub key: Option<MapKey>,
    /// The next step.
    pub phase: Phase,
}

/// Which write a locked store path performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum WriteMode {
    Store,
    LoadOrStore,
    Swap,
}

/// What a step produced for the program.
#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
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
        Value::Str(s) => format!("{:?}", &**s),
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

    fn key_var(addr: &Pointer, key: &MapKey) -> SyncVar {
        SyncVar::SyncMapKey(addr.clone(), key.clone())
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

    /// The next step of `op` can run now: false only while waiting for `mu` held by another call.
    pub fn can_step(&self, op: &SyncMapOp) -> bool {
        !(op.phase == Phase::Lock && self.mu.locked)
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
            fx.push(Effect::Acquire(Self::key_var(addr, &k)));
            match self.entry_p(id) {
                EntryP::Deleted => {
                    self.set_p(id, EntryP::Expunged);
                    fx.push(Effect::Release(Self::key_var(addr, &k)));
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
        match op.phase.clone() {
            Phase::Fast => Ok(self.step_fast(addr, op)),
            Phase::Lock => {
                if self.mu.locked {
                    return Err(PrimError::Blocked(WaitReason::MutexLock));
                }
                self.mu.locked = true;
                self.mu.holder = Some(gid);
                op.phase = Phase::Slow;
                Ok(SyncMapStep {
                    text: format!("{}: mu.Lock()", op.label()),
                    effects: vec![Effect::Acquire(Self::mu_var(addr))],
                    outcome: SyncMapOutcome::Continue,
                })
            }
            Phase::Slow => Ok(self.step_slow(addr, op)),
            Phase::Iterate { snapshot, pos } => {
                Ok(self.step_iterate(addr, op, snapshot, pos, String::new(), Vec::new()))
            }
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

    fn step_fast(&mut self, addr: &Pointer, op: &mut SyncMapOp) -> SyncMapStep {
        let mut fx = vec![Effect::Acquire(Self::read_var(addr))];
        let label = op.label();
        let Some(key) = op.key.clone() else {
            // Range.
            if self.read.amended {
                return Self::to_lock(op, format!("{label}: read.amended"), fx);
            }
            let snapshot: Vec<EntryId> = self.read.m.values().copied().collect();
            let text = format!("{label}: read not amended, {} keys", snapshot.len());
            return self.step_iterate(addr, op, snapshot, 0, text, fx);
        };
        let kv = Self::key_var(addr, &key);
        let found = self.read.m.get(&key).copied();
        match (&op.call, found) {
            (SyncMapCall::Load { .. }, Some(id)) => {
                fx.push(Effect::Acquire(kv));
                let v = live(&self.entry_p(id));
                let text = match &v {
                    Some(v) => format!("{label}: read hit → {}, true", show(v)),
                    None => format!("{label}: read hit, entry deleted → nil, false"),
                };
                let ok = v.is_some();
                Self::finish(op, text, fx, vec![v.unwrap_or_else(nil), Value::Bool(ok)])
            }
            (
                SyncMapCall::Load { .. }
                | SyncMapCall::LoadAndDelete { .. }
                | SyncMapCall::Delete { .. },
                None,
            ) => {
                if self.read.amended {
                    Self::to_lock(op, format!("{label}: not in read, read.amended"), fx)
                } else {
                    let results = match op.call {
                        SyncMapCall::Delete { .. } => vec![],
                        _ => vec![nil(), Value::Bool(false)],
                    };
                    let text = format!("{label}: not in read, not amended → absent");
                    Self::finish(op, text, fx, results)
                }
            }
            (SyncMapCall::LoadAndDelete { .. } | SyncMapCall::Delete { .. }, Some(id)) => {
                let (text, results) = self.delete_entry(id, &kv, &mut fx, &label, "read hit", op);
                Self::finish(op, text, fx, results)
            }
            (SyncMapCall::Store { value, .. }, Some(id)) => {
                if self.entry_p(id) == EntryP::Expunged {
                    fx.push(Effect::Acquire(kv));
                    return Self::to_lock(op, format!("{label}: read hit, entry expunged"), fx);
                }
                fx.push(Effect::Acquire(kv.clone()));
                self.set_p(id, EntryP::Value(value.clone()));
                fx.push(Effect::Release(kv));
                let text = format!("{label}: read hit → CAS entry (lock-free)");
                Self::finish(op, text, fx, vec![])
            }
            (SyncMapCall::LoadOrStore { value, .. }, Some(id)) => {
                fx.push(Effect::Acquire(kv.clone()));
                match self.entry_p(id) {
                    EntryP::Expunged => {
                        Self::to_lock(op, format!("{label}: read hit, entry expunged"), fx)
                    }
                    EntryP::Value(v) => {
                        let text = format!("{label}: read hit → loaded {}", show(&v));
                        Self::finish(op, text, fx, vec![v, Value::Bool(true)])
                    }
                    EntryP::Deleted => {
                        self.set_p(id, EntryP::Value(value.clone()));
                        fx.push(Effect::Release(kv));
                        let text = format!("{label}: read hit, entry deleted → CAS store");
                        Self::finish(op, text, fx, vec![value.clone(), Value::Bool(false)])
                    }
                }
            }
            (SyncMapCall::Store { .. } | SyncMapCall::LoadOrStore { .. }, None) => {
                Self::to_lock(op, format!("{label}: not in read"), fx)
            }
            (SyncMapCall::Swap { value, .. }, Some(id)) => {
                fx.push(Effect::Acquire(kv.clone()));
                let p = self.entry_p(id);
                if p == EntryP::Expunged {
                    return Self::to_lock(op, format!("{label}: read hit, entry expunged"), fx);
                }
                self.set_p(id, EntryP::Value(value.clone()));
                fx.push(Effect::Release(kv));
                let prev = live(&p);
                let text = format!("{label}: read hit → swap entry (lock-free)");
                let loaded = prev.is_some();
                Self::finish(
                    op,
                    text,
                    fx,
                    vec![prev.unwrap_or_else(nil), Value::Bool(loaded)],
                )
            }
            (SyncMapCall::Swap { .. }, None) => {
                Self::to_lock(op, format!("{label}: not in read"), fx)
            }
            (SyncMapCall::CompareAndSwap { old, new, .. }, Some(id)) => {
                let (old, new) = (old.clone(), new.clone());
                let swapped = self.try_compare_and_swap(id, &old, &new, &kv, &mut fx);
                let text = format!("{label}: read hit → swapped {swapped}");
                Self::finish(op, text, fx, vec![Value::Bool(swapped)])
            }
            (SyncMapCall::CompareAndSwap { .. }, None) => {
                if self.read.amended {
                    Self::to_lock(op, format!("{label}: not in read, read.amended"), fx)
                } else {
                    let text = format!("{label}: not in read, not amended → false");
                    Self::finish(op, text, fx, vec![Value::Bool(false)])
                }
            }
            (SyncMapCall::Range, _) => Self::finish(op, label, fx, vec![]),
        }
    }

    /// `entry.delete()` on a found entry: `(text, results)`.
    fn delete_entry(
        &mut self,
        id: EntryId,
        kv: &SyncVar,
        fx: &mut Vec<Effect>,
        label: &str,
        where_: &str,
        op: &SyncMapOp,
    ) -> (String, Vec<Value>) {
        fx.push(Effect::Acquire(kv.clone()));
        let old = live(&self.entry_p(id));
        if old.is_some() {
            self.set_p(id, EntryP::Deleted);
            fx.push(Effect::Release(kv.clone()));
        }
        let text = match &old {
            Some(v) => format!("{label}: {where_} → entry = nil (was {})", show(v)),
            None => format!("{label}: {where_}, already deleted"),
        };
        let results = match op.call {
            SyncMapCall::Delete { .. } => vec![],
            _ => {
                let loaded = old.is_some();
                vec![old.unwrap_or_else(nil), Value::Bool(loaded)]
            }
        };
        (text, results)
    }

    fn unlock(&mut self, addr: &Pointer, text: &mut String, fx: &mut Vec<Effect>) {
        self.mu.locked = false;
        self.mu.holder = None;
        fx.push(Effect::Release(Self::mu_var(addr)));
        text.push_str("; mu.Unlock()");
    }

    fn step_slow(&mut self, addr: &Pointer, op: &mut SyncMapOp) -> SyncMapStep {
        let mut fx = vec![Effect::Acquire(Self::read_var(addr))];
        let label = op.label();
        let Some(key) = op.key.clone() else {
            // Range: promote if still amended, then iterate the new read.
            let mut text = format!("{label}:");
            if self.read.amended {
                let n = self.dirty.as_ref().map_or(0, |d| d.len());
                self.promote(addr, &mut fx);
                text.push_str(&format!(" promote dirty to read ({n} keys)"));
            } else {
                text.push_str(" read no longer amended");
            }
            self.unlock(addr, &mut text, &mut fx);
            let snapshot: Vec<EntryId> = self.read.m.values().copied().collect();
            return self.step_iterate(addr, op, snapshot, 0, text, fx);
        };
        let kv = Self::key_var(addr, &key);
        let in_read = self.read.m.get(&key).copied();
        let in_dirty = self.dirty.as_ref().and_then(|d| d.get(&key)).copied();
        let (text, results) = match &op.call {
            SyncMapCall::Load { .. }
            | SyncMapCall::LoadAndDelete { .. }
            | SyncMapCall::Delete { .. } => {
                let (found, mut text) = match in_read {
                    Some(id) => (Some(id), format!("{label}: read hit on re-check")),
                    None if self.read.amended => {
                        let mut t = match in_dirty {
                            Some(_) => format!("{label}: dirty hit"),
                            None => format!("{label}: not in dirty"),
                        };
                        if !matches!(op.call, SyncMapCall::Load { .. }) && in_dirty.is_some() {
                            if let Some(d) = self.dirty.as_mut() {
                                d.remove(&key);
                            }
                            t.push_str(", removed from dirty");
                        }
                        self.miss_locked(addr, &mut t, &mut fx);
                        (in_dirty, t)
                    }
                    None => (None, format!("{label}: not in read, not amended")),
                };
                // The entry operation happens after the unlock in Go; same step here.
                self.unlock(addr, &mut text, &mut fx);
                let results = match (found, &op.call) {
                    (None, SyncMapCall::Delete { .. }) => vec![],
                    (None, _) => vec![nil(), Value::Bool(false)],
                    (Some(id), SyncMapCall::Load { .. }) => {
                        fx.push(Effect::Acquire(kv.clone()));
                        let v = live(&self.entry_p(id));
                        text.push_str(&match &v {
                            Some(v) => format!(" → {}, true", show(v)),
                            None => " → entry deleted: nil, false".to_string(),
                        });
                        let ok = v.is_some();
                        vec![v.unwrap_or_else(nil), Value::Bool(ok)]
                    }
                    (Some(id), _) => {
                        let (t, r) = self.delete_entry(id, &kv, &mut fx, "", "", op);
                        text.push(' ');
                        text.push_str(t.trim_start_matches(": ").trim_start_matches(", "));
                        r
                    }
                };
                (text, results)
            }
            SyncMapCall::CompareAndSwap { old, new, .. } => {
                let (old, new) = (old.clone(), new.clone());
                let mut text;
                let swapped;
                if let Some(id) = in_read {
                    text = format!("{label}: read hit on re-check");
                    swapped = self.try_compare_and_swap(id, &old, &new, &kv, &mut fx);
                } else if let Some(id) = in_dirty {
                    text = format!("{label}: dirty hit");
                    swapped = self.try_compare_and_swap(id, &old, &new, &kv, &mut fx);
                    self.miss_locked(addr, &mut text, &mut fx);
                } else {
                    text = format!("{label}: absent");
                    swapped = false;
                }
                text.push_str(&format!(" → swapped {swapped}"));
                self.unlock(addr, &mut text, &mut fx);
                (text, vec![Value::Bool(swapped)])
            }
            SyncMapCall::Store { value, .. }
            | SyncMapCall::LoadOrStore { value, .. }
            | SyncMapCall::Swap { value, .. } => {
                let mode = match op.call {
                    SyncMapCall::Store { .. } => WriteMode::Store,
                    SyncMapCall::Swap { .. } => WriteMode::Swap,
                    _ => WriteMode::LoadOrStore,
                };
                let value = value.clone();
                let mut text;
                let results;
                if let Some(id) = in_read {
                    text = format!("{label}: read hit on re-check");
                    fx.push(Effect::Acquire(kv.clone()));
                    if self.entry_p(id) == EntryP::Expunged {
                        self.set_p(id, EntryP::Deleted);
                        if let Some(d) = self.dirty.as_mut() {
                            d.insert(key.clone(), id);
                        }
                        fx.push(Effect::Release(kv.clone()));
                        text.push_str(", unexpunge into dirty");
                    }
                    results = self.write_locked(id, &value, mode, &kv, &mut fx, &mut text);
                } else if let Some(id) = in_dirty {
                    text = format!("{label}: dirty hit");
                    fx.push(Effect::Acquire(kv.clone()));
                    results = self.write_locked(id, &value, mode, &kv, &mut fx, &mut text);
                    if mode == WriteMode::LoadOrStore {
                        self.miss_locked(addr, &mut text, &mut fx);
                    }
                } else {
                    text = format!("{label}: new key");
                    if !self.read.amended {
                        self.dirty_locked(addr, &mut text, &mut fx);
                        self.read.amended = true;
                        fx.push(Effect::Release(Self::read_var(addr)));
                        text.push_str("; read.amended = true");
                    }
                    let id = self.new_entry(op.key_value(), key.clone(), value.clone());
                    if let Some(d) = self.dirty.as_mut() {
                        d.insert(key.clone(), id);
                    }
                    fx.push(Effect::Release(kv.clone()));
                    text.push_str("; dirty[key] = new entry");
                    results = match mode {
                        WriteMode::Store => vec![],
                        WriteMode::Swap => vec![nil(), Value::Bool(false)],
                        WriteMode::LoadOrStore => vec![value.clone(), Value::Bool(false)],
                    };
                }
                self.unlock(addr, &mut text, &mut fx);
                (text, results)
            }
            SyncMapCall::Range => (label, vec![]),
        };
        Self::finish(op, text, fx, results)
    }

    /// Under `mu`, on a non-expunged entry: `storeLocked` (Store), `swapLocked` (Swap) or
    /// `tryLoadOrStore` (LoadOrStore); returns the call's results.
    fn write_locked(
        &mut self,
        id: EntryId,
        value: &Value,
        mode: WriteMode,
        kv: &SyncVar,
        fx: &mut Vec<Effect>,
        text: &mut String,
    ) -> Vec<Value> {
        let prev = live(&self.entry_p(id));
        match mode {
            WriteMode::Store | WriteMode::Swap => {
                self.set_p(id, EntryP::Value(value.clone()));
                fx.push(Effect::Release(kv.clone()));
                text.push_str(" → store into entry");
                if mode == WriteMode::Store {
                    return vec![];
                }
                let loaded = prev.is_some();
                vec![prev.unwrap_or_else(nil), Value::Bool(loaded)]
            }
            WriteMode::LoadOrStore => match prev {
                Some(v) => {
                    text.push_str(&format!(" → loaded {}", show(&v)));
                    vec![v, Value::Bool(true)]
                }
                None => {
                    self.set_p(id, EntryP::Value(value.clone()));
                    fx.push(Effect::Release(kv.clone()));
                    text.push_str(" → stored");
                    vec![value.clone(), Value::Bool(false)]
                }
            },
        }
    }

    /// `tryCompareAndSwap`: swap when the entry is live and equal to `old`.
    fn try_compare_and_swap(
        &mut self,
        id: EntryId,
        old: &Value,
        new: &Value,
        kv: &SyncVar,
        fx: &mut Vec<Effect>,
    ) -> bool {
        fx.push(Effect::Acquire(kv.clone()));
        match self.entry_p(id) {
            EntryP::Value(v) if v == *old => {
                self.set_p(id, EntryP::Value(new.clone()));
                fx.push(Effect::Release(kv.clone()));
                true
            }
            _ => false,
        }
    }

    /// Range's iteration: load entries from `pos` on, skipping deleted ones, and yield the first
    /// live one (or return when the snapshot is exhausted).
    fn step_iterate(
        &mut self,
        addr: &Pointer,
        op: &mut SyncMapOp,
        snapshot: Vec<EntryId>,
        mut pos: usize,
        mut text: String,
        mut fx: Vec<Effect>,
    ) -> SyncMapStep {
        if text.is_empty() {
            text = "Range: next entry".into();
        }
        while pos < snapshot.len() {
            let id = snapshot[pos];
            pos += 1;
            let Some(e) = self.entry(id) else { continue };
            fx.push(Effect::Acquire(Self::key_var(addr, &e.map_key)));
            if let Some(v) = live(&e.p) {
                let key = e.key.clone();
                text.push_str(&format!(" → f({}, {})", show(&key), show(&v)));
                op.phase = Phase::Iterate { snapshot, pos };
                return SyncMapStep {
                    text,
                    effects: fx,
                    outcome: SyncMapOutcome::Yield { key, value: v },
                };
            }
        }
        text.push_str(" → done");
        Self::finish(op, text, fx, vec![])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::types::{Basic, TypeKind};
    use crate::rt::value::ObjId;

    fn addr() -> Pointer {
        Pointer::root(ObjId(4))
    }

    fn k(s: &str) -> Value {
        Value::Iface(Some(Box::new((
            TypeTable::basic(Basic::String),
            Value::str(s),
        ))))
    }

    fn v(i: i64) -> Value {
        Value::Iface(Some(Box::new((
            TypeTable::basic(Basic::Int),
            Value::Int(i),
        ))))
    }

    fn types() -> TypeTable {
        TypeTable::new()
    }

    /// Run a call to its end (Range: f returns true every time), returning the step texts, all
    /// effects, the yielded pairs and the results.
    struct Run {
        texts: Vec<String>,
        effects: Vec<Effect>,
        yields: Vec<(Value, Value)>,
        results: Vec<Value>,
    }

    fn run(m: &mut SyncMapState, gid: u32, call: SyncMapCall) -> Run {
        let mut op = SyncMapOp::new(call, &types()).unwrap();
        let mut r = Run {
            texts: vec![],
            effects: vec![],
            yields: vec![],
            results: vec![],
        };
        for _ in 0..100 {
            assert!(m.can_step(&op));
            let st = m.step(Gid(gid), &addr(), &mut op).unwrap();
            r.texts.push(st.text);
            r.effects.extend(st.effects);
            match st.outcome {
                SyncMapOutcome::Continue => {}
                SyncMapOutcome::Yield { key, value } => r.yields.push((key, value)),
                SyncMapOutcome::Return(res) => {
                    r.results = res;
                    return r;
                }
            }
        }
        panic!("call did not finish");
    }

    fn store(m: &mut SyncMapState, key: &str, val: i64) -> Run {
        run(
            m,
            1,
            SyncMapCall::Store {
                key: k(key),
                value: v(val),
            },
        )
    }

    fn load(m: &mut SyncMapState, key: &str) -> Run {
        run(m, 2, SyncMapCall::Load { key: k(key) })
    }

    #[test]
    fn first_store_goes_to_dirty_and_amends_read() {
        let mut m = SyncMapState::default();
        let r = store(&mut m, "a", 1);
        assert_eq!(
            r.texts,
            vec![
                "Store(\"a\", 1): not in read → lock mu",
                "Store(\"a\", 1): mu.Lock()",
                "Store(\"a\", 1): new key; dirty = copy of read (0 keys); read.amended = true; dirty[key] = new entry; mu.Unlock()",
            ]
        );
        assert!(m.read.m.is_empty() && m.read.amended);
        assert_eq!(m.dirty.as_ref().map(|d| d.len()), Some(1));
        assert!(!m.mu.locked);
        assert_eq!(m.contents(), vec![(k("a"), v(1))]);
    }

    #[test]
    fn load_misses_promote_dirty_after_len_dirty_misses() {
        let mut m = SyncMapState::default();
        for (i, key) in ["a", "b", "c"].iter().enumerate() {
            store(&mut m, key, i as i64);
        }
        assert_eq!(m.dirty.as_ref().map(|d| d.len()), Some(3));
        let r = load(&mut m, "a");
        assert_eq!(r.results, vec![v(0), Value::Bool(true)]);
        assert_eq!(r.texts.len(), 3, "miss in read → lock → dirty");
        assert_eq!(
            r.texts[2],
            "Load(\"a\"): dirty hit; misses 1/3; mu.Unlock() → 0, true"
        );
        load(&mut m, "zz");
        assert_eq!((m.misses, m.promotions), (2, 0));
        let r = load(&mut m, "c");
        assert!(r.texts[2].contains("misses 3 ≥ len(dirty) 3 → promote dirty to read"));
        assert_eq!((m.misses, m.promotions), (0, 1));
        assert!(m.dirty.is_none() && !m.read.amended);
        assert_eq!(m.read.m.len(), 3);
        // Now a load is a lock-free read hit: one step.
        let r = load(&mut m, "b");
        assert_eq!(r.texts, vec!["Load(\"b\"): read hit → 1, true"]);
        // A miss when not amended also ends at once.
        let r = load(&mut m, "zz");
        assert_eq!(r.texts.len(), 1);
        assert_eq!(r.results, vec![Value::Iface(None), Value::Bool(false)]);
    }

    #[test]
    fn store_to_read_key_is_lock_free_and_deleted_entries_get_expunged() {
        let mut m = SyncMapState::default();
        store(&mut m, "a", 1);
        store(&mut m, "b", 2);
        load(&mut m, "a");
        load(&mut m, "b"); // 2 misses ≥ 2: promoted
        assert!(m.dirty.is_none());
        let r = store(&mut m, "a", 10);
        assert_eq!(
            r.texts,
            vec!["Store(\"a\", 10): read hit → CAS entry (lock-free)"]
        );
        // Delete of a read key: the entry becomes nil, lock-free.
        let r = run(&mut m, 3, SyncMapCall::Delete { key: k("b") });
        assert_eq!(
            r.texts,
            vec!["Delete(\"b\"): read hit → entry = nil (was 2)"]
        );
        // A new key rebuilds dirty from read, expunging b.
        let r = store(&mut m, "c", 3);
        assert!(r.texts[2].contains("dirty = copy of read (1 keys, 1 expunged)"));
        let b_id = m.read.m[&MapKey::from_value(&k("b"), &types()).unwrap()];
        assert_eq!(m.entries[b_id.0 as usize].p, EntryP::Expunged);
        assert!(!m
            .dirty
            .as_ref()
            .unwrap()
            .contains_key(&MapKey::from_value(&k("b"), &types()).unwrap()));
        // Storing b again: expunged → must lock and unexpunge into dirty.
        let r = store(&mut m, "b", 20);
        assert_eq!(
            r.texts[0],
            "Store(\"b\", 20): read hit, entry expunged → lock mu"
        );
        assert!(r.texts[2].contains("unexpunge into dirty"));
        assert_eq!(
            m.contents(),
            vec![(k("a"), v(10)), (k("b"), v(20)), (k("c"), v(3))]
        );
    }

    #[test]
    fn mu_blocks_a_second_slow_path() {
        let mut m = SyncMapState::default();
        let t = types();
        let mut a = SyncMapOp::new(
            SyncMapCall::Store {
                key: k("a"),
                value: v(1),
            },
            &t,
        )
        .unwrap();
        let mut b = SyncMapOp::new(
            SyncMapCall::Store {
                key: k("b"),
                value: v(2),
            },
            &t,
        )
        .unwrap();
        m.step(Gid(1), &addr(), &mut a).unwrap(); // fast: → lock
        m.step(Gid(2), &addr(), &mut b).unwrap(); // fast: → lock
        let st = m.step(Gid(1), &addr(), &mut a).unwrap(); // A takes mu
        assert_eq!(
            st.effects,
            vec![Effect::Acquire(SyncVar::Lock(addr().child(0)))]
        );
        assert_eq!(m.mu.holder, Some(Gid(1)));
        assert!(!m.can_step(&b));
        assert_eq!(m.wait_reason(&b), Some(WaitReason::MutexLock));
        assert_eq!(
            m.step(Gid(2), &addr(), &mut b),
            Err(PrimError::Blocked(WaitReason::MutexLock))
        );
        let st = m.step(Gid(1), &addr(), &mut a).unwrap(); // slow part + unlock
        assert_eq!(st.outcome, SyncMapOutcome::Return(vec![]));
        assert_eq!(
            st.effects.last(),
            Some(&Effect::Release(SyncVar::Lock(addr().child(0))))
        );
        assert!(m.can_step(&b));
        m.step(Gid(2), &addr(), &mut b).unwrap();
        let st = m.step(Gid(2), &addr(), &mut b).unwrap();
        // b's new key: read is already amended, so no copy this time.
        assert!(!st.text.contains("copy of read"));
        assert_eq!(m.contents().len(), 2);
    }

    #[test]
    fn range_promotes_then_yields_each_live_entry() {
        let mut m = SyncMapState::default();
        store(&mut m, "b", 2);
        store(&mut m, "a", 1);
        let r = run(&mut m, 5, SyncMapCall::Range);
        assert_eq!(r.texts[0], "Range: read.amended → lock mu");
        assert!(r.texts[2]
            .starts_with("Range: promote dirty to read (2 keys); mu.Unlock() → f(\"a\", 1)"));
        assert_eq!(r.yields, vec![(k("a"), v(1)), (k("b"), v(2))]);
        assert_eq!(m.promotions, 1);
        // Not amended now: Range iterates read directly.
        run(&mut m, 3, SyncMapCall::Delete { key: k("a") });
        let r = run(&mut m, 5, SyncMapCall::Range);
        assert_eq!(r.texts[0], "Range: read not amended, 2 keys → f(\"b\", 2)");
        assert_eq!(r.yields, vec![(k("b"), v(2))]);
        assert_eq!(
            r.texts.last().map(String::as_str),
            Some("Range: next entry → done")
        );
    }

    #[test]
    fn load_or_store_and_load_and_delete() {
        let mut m = SyncMapState::default();
        let r = run(
            &mut m,
            1,
            SyncMapCall::LoadOrStore {
                key: k("a"),
                value: v(1),
            },
        );
        assert_eq!(r.results, vec![v(1), Value::Bool(false)]);
        // Present in dirty: loaded, and the dirty hit counts a miss (1 ≥ 1: promote).
        let r = run(
            &mut m,
            1,
            SyncMapCall::LoadOrStore {
                key: k("a"),
                value: v(9),
            },
        );
        assert_eq!(r.results, vec![v(1), Value::Bool(true)]);
        assert_eq!(m.promotions, 1);
        // Read hit: lock-free load.
        let r = run(
            &mut m,
            1,
            SyncMapCall::LoadOrStore {
                key: k("a"),
                value: v(9),
            },
        );
        assert_eq!(r.texts.len(), 1);
        store(&mut m, "b", 2); // b only in dirty
        let r = run(&mut m, 1, SyncMapCall::LoadAndDelete { key: k("b") });
        assert_eq!(r.results, vec![v(2), Value::Bool(true)]);
        assert!(r.texts[2].contains("removed from dirty"), "{:?}", r.texts);
        let r = run(&mut m, 1, SyncMapCall::LoadAndDelete { key: k("b") });
        assert_eq!(r.results, vec![Value::Iface(None), Value::Bool(false)]);
        assert_eq!(m.contents(), vec![(k("a"), v(1))]);
    }

    #[test]
    fn a_store_releases_what_the_observing_load_acquires() {
        let mut m = SyncMapState::default();
        let key_var = SyncVar::SyncMapKey(addr(), MapKey::from_value(&k("a"), &types()).unwrap());
        let w = store(&mut m, "a", 1);
        assert!(w.effects.contains(&Effect::Release(key_var.clone())));
        let r = load(&mut m, "a");
        assert!(r.effects.contains(&Effect::Acquire(key_var)));
        // Every step starts by loading `read` atomically.
        assert_eq!(
            r.effects[0],
            Effect::Acquire(SyncVar::Atomic(addr().child(1)))
        );
    }

    #[test]
    fn swap_and_compare_and_swap() {
        let mut m = SyncMapState::default();
        let r = run(
            &mut m,
            1,
            SyncMapCall::Swap {
                key: k("a"),
                value: v(1),
            },
        );
        assert_eq!(r.results, vec![Value::Iface(None), Value::Bool(false)]);
        assert_eq!(r.texts.len(), 3);
        // Dirty-only key: CAS takes the lock and counts a miss (1 ≥ 1: promote).
        let r = run(
            &mut m,
            1,
            SyncMapCall::CompareAndSwap {
                key: k("a"),
                old: v(1),
                new: v(2),
            },
        );
        assert_eq!(r.results, vec![Value::Bool(true)]);
        assert_eq!(m.promotions, 1);
        // Read hit: lock-free.
        let r = run(
            &mut m,
            1,
            SyncMapCall::CompareAndSwap {
                key: k("a"),
                old: v(1),
                new: v(3),
            },
        );
        assert_eq!((r.results, r.texts.len()), (vec![Value::Bool(false)], 1));
        let r = run(
            &mut m,
            1,
            SyncMapCall::Swap {
                key: k("a"),
                value: v(4),
            },
        );
        assert_eq!(r.results, vec![v(2), Value::Bool(true)]);
        assert_eq!(r.texts.len(), 1);
        // Absent and not amended: false at once.
        let r = run(
            &mut m,
            1,
            SyncMapCall::CompareAndSwap {
                key: k("z"),
                old: v(1),
                new: v(3),
            },
        );
        assert_eq!((r.results, r.texts.len()), (vec![Value::Bool(false)], 1));
        assert_eq!(m.contents(), vec![(k("a"), v(4))]);
    }

    #[test]
    fn unhashable_key_panics_at_the_call() {
        let mut t = types();
        let sl = t.intern(TypeKind::Slice(TypeTable::basic(Basic::Int)));
        let key = Value::Iface(Some(Box::new((sl, Value::Slice(None)))));
        let err = SyncMapOp::new(SyncMapCall::Load { key }, &t).unwrap_err();
        assert_eq!(
            err.message(),
            "panic: runtime error: hash of unhashable type []int"
        );
    }
}
