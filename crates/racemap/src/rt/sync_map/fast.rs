//! The lock-free first step of a call: load `read` and use the entry there when it can
//! (`Load` hit, `Store` to a live entry, `Delete` of a present key), else go to the locked path.

use super::*;

impl SyncMapState {
    pub(super) fn step_fast(&mut self, addr: &Pointer, op: &mut SyncMapOp) -> SyncMapStep {
        let mut fx = vec![Effect::Acquire(Self::read_var(addr))];
        let label = op.label();
        let Some(key) = op.key.clone() else {
            // Range.
            if self.read.amended {
                return Self::to_lock(op, format!("{label}: read.amended"), fx);
            }
            let snapshot = self.range_snapshot(&Phase::Fast, op.range_start);
            let text = format!("{label}: read not amended, {} keys", snapshot.len());
            return Self::start_iterate(op, snapshot, text, fx);
        };
        let kv = self.key_var(addr, &key);
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
    pub(super) fn delete_entry(
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
}
