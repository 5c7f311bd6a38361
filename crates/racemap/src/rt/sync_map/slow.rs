//! The locked path of a call: take `mu`, re-check `read`, consult and amend `dirty` (promoting it
//! after enough misses), write, unlock; and `Range`'s promotion and iteration.

use super::*;

impl SyncMapState {
    /// Unlock `mu` as the machine's arrival `at` (a run's lock queues order its waiters by it,
    /// `rt::machine::lock_queue`).
    pub(super) fn unlock(
        &mut self,
        addr: &Pointer,
        at: Arrival,
        text: &mut String,
        fx: &mut Vec<Effect>,
    ) {
        let released = self.mu.unlock(addr, at);
        debug_assert!(released.is_ok(), "sync.Map unlocked a free mu");
        fx.push(Effect::Release(Self::mu_var(addr)));
        text.push_str("; mu.Unlock()");
    }

    pub(super) fn step_slow(
        &mut self,
        addr: &Pointer,
        op: &mut SyncMapOp,
        at: Arrival,
    ) -> SyncMapStep {
        let mut fx = vec![Effect::Acquire(Self::read_var(addr))];
        let label = op.label();
        let Some(key) = op.key.clone() else {
            // Range: promote if still amended, then iterate the new read.
            let mut text = format!("{label}:");
            let snapshot = self.range_snapshot(&Phase::Slow, op.range_start);
            if self.read.amended {
                let n = self.dirty.as_ref().map_or(0, |d| d.len());
                self.promote(addr, &mut fx);
                text.push_str(&format!(" promote dirty to read ({n} keys)"));
            } else {
                text.push_str(" read no longer amended");
            }
            self.unlock(addr, at, &mut text, &mut fx);
            return Self::start_iterate(op, snapshot, text, fx);
        };
        let kv = self.key_var(addr, &key);
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
                self.unlock(addr, at, &mut text, &mut fx);
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
                self.unlock(addr, at, &mut text, &mut fx);
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
                self.unlock(addr, at, &mut text, &mut fx);
                (text, results)
            }
            SyncMapCall::Range => (label, vec![]),
        };
        Self::finish(op, text, fx, results)
    }

    /// Under `mu`, on a non-expunged entry: `storeLocked` (Store), `swapLocked` (Swap) or
    /// `tryLoadOrStore` (LoadOrStore); returns the call's results.
    pub(super) fn write_locked(
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
    pub(super) fn try_compare_and_swap(
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

    /// Range's snapshot taken (`read` loaded, promoted if it was amended): the entries are
    /// loaded one per later step, as Go's loop loads each `e.p` atomically after the snapshot,
    /// with other goroutines free to store or delete between two loads (a key deleted after
    /// the snapshot and before its load is skipped, so `Range` may see none of the keys present
    /// at every moment of the call: Go does not promise a consistent snapshot).
    pub(super) fn start_iterate(
        op: &mut SyncMapOp,
        snapshot: Vec<EntryId>,
        mut text: String,
        fx: Vec<Effect>,
    ) -> SyncMapStep {
        if snapshot.is_empty() {
            text.push_str(" → done");
            return Self::finish(op, text, fx, vec![]);
        }
        op.phase = Phase::Iterate { snapshot, pos: 0 };
        SyncMapStep {
            text,
            effects: fx,
            outcome: SyncMapOutcome::Continue,
        }
    }

    /// Range's iteration: load the entry at `pos` (one atomic load of its `p`, a step of its
    /// own): yield it when live, else skip it (return when it was the last).
    pub(super) fn step_iterate(
        &mut self,
        addr: &Pointer,
        op: &mut SyncMapOp,
        snapshot: Vec<EntryId>,
        pos: usize,
    ) -> SyncMapStep {
        let mut text = String::from("Range: next entry");
        let mut fx = Vec::new();
        let Some(&id) = snapshot.get(pos) else {
            text.push_str(" → done");
            return Self::finish(op, text, fx, vec![]);
        };
        if let Some(e) = self.entry(id) {
            fx.push(Effect::Acquire(self.key_var(addr, &e.map_key)));
            if let Some(v) = live(&e.p) {
                let key = e.key.clone();
                text.push_str(&format!(" → f({}, {})", show(&key), show(&v)));
                op.phase = Phase::Iterate {
                    snapshot,
                    pos: pos + 1,
                };
                return SyncMapStep {
                    text,
                    effects: fx,
                    outcome: SyncMapOutcome::Yield { key, value: v },
                };
            }
        }
        text.push_str(" → deleted, skipped");
        if pos + 1 == snapshot.len() {
            text.push_str(" → done");
            return Self::finish(op, text, fx, vec![]);
        }
        op.phase = Phase::Iterate {
            snapshot,
            pos: pos + 1,
        };
        SyncMapStep {
            text,
            effects: fx,
            outcome: SyncMapOutcome::Continue,
        }
    }
}
