//! `sync/atomic.Value`'s methods, as Go 1.19's `sync/atomic/value.go`: the Value is two words,
//! the type of the `any` it holds and its data, each loaded and stored with the pointer
//! atomics. Each method is one visible step (Go's first store spins with preemption disabled,
//! so no other goroutine sees it half done).
//!
//! Happens-before: the type word and the data word are two atomic variables,
//! `T = SyncVar::Atomic(p.child(0))` and `D = SyncVar::Atomic(p.child(1))` (acquire loads,
//! release stores, acquire-release read-modify-writes, as racemap's other atomics):
//! - `Load`: loads `T`; if a value was stored, loads `D`.
//! - the first `Store`/`Swap`/`CompareAndSwap` (the Value was empty): loads `T`, a CAS on `T`,
//!   stores `D`, stores `T`.
//! - a later `Store`: loads `T`, stores `D`; `Swap`: loads `T`, swaps `D`; `CompareAndSwap`:
//!   loads `T` and `D`, and when the value is `old`, a CAS on `D`.
//!
//! So a `Store` after the first synchronizes with the first only, as in Go. The Value's cell is
//! the location of the type word's atomic accesses: a plain copy of the Value races with the
//! first store's CAS (a write) and a plain write of it with every method's load, as Go 1.19
//! reports (a later `Store` next to a copy is no race there). The step's `Op::Atomic` name says
//! which: `(*Value).Store: CompareAndSwapPointer`, `(*Value).Load: LoadPointer`.
//!
//! Panics (plain strings, Go's wording): storing nil (`store of nil value into Value`, `swap
//! of nil value`, `compare and swap of nil value`), a value of another type than the first
//! stored (`store of inconsistently typed value into Value`, …), and a `CompareAndSwap` whose
//! `old` and `new` differ in type (`compare and swap of inconsistently typed values`); comparing
//! `old` with an uncomparable value is `runtime error: comparing uncomparable type T`.

use super::*;
use crate::rt::event::SyncVar;

/// The dynamic type of an `any` (`None` for nil).
fn dyn_type(v: &Value) -> Option<TypeId> {
    match v {
        Value::Iface(Some(b)) => Some(b.0),
        _ => None,
    }
}

impl Machine {
    /// A method of the `atomic.Value` `p` points to (`args[0]` is `p`); returns its results.
    pub(super) fn atomic_value(
        &mut self,
        gid: Gid,
        func: LibFunc,
        p: Pointer,
        args: &[Value],
    ) -> R<Vec<Value>> {
        let current = match self.heap.sync_mut(&p)? {
            SyncState::AtomicValue(v) => v.clone(),
            _ => return Err(RtError::nil_deref().into()),
        };
        let (t, d) = (SyncVar::Atomic(p.child(0)), SyncVar::Atomic(p.child(1)));
        let panic = |what: &str| -> Fault {
            RtError::library_panic(&format!("sync/atomic: {what}")).into()
        };
        let empty = dyn_type(&current).is_none();
        // The effects of the first store into an empty Value (after its load of `T`).
        let first_store = [
            Effect::Acquire(t.clone()),
            Effect::Release(t.clone()),
            Effect::Release(d.clone()),
            Effect::Release(t.clone()),
        ];
        let mut eff = vec![Effect::Acquire(t.clone())];
        let mut stored: Option<Value> = None;
        let results: Vec<Value> = match func {
            LibFunc::AtomicValueLoad => {
                if !empty {
                    eff.push(Effect::Acquire(d));
                }
                vec![current.clone()]
            }
            LibFunc::AtomicValueStore | LibFunc::AtomicValueSwap => {
                let swap = func == LibFunc::AtomicValueSwap;
                let new = arg(args, 1)?.clone();
                if dyn_type(&new).is_none() {
                    return Err(panic(if swap {
                        "swap of nil value into Value"
                    } else {
                        "store of nil value into Value"
                    }));
                }
                if empty {
                    eff.extend(first_store);
                } else if dyn_type(&new) != dyn_type(&current) {
                    return Err(panic(if swap {
                        "swap of inconsistently typed value into Value"
                    } else {
                        "store of inconsistently typed value into Value"
                    }));
                } else if swap {
                    eff.extend([Effect::Acquire(d.clone()), Effect::Release(d)]);
                } else {
                    eff.push(Effect::Release(d));
                }
                stored = Some(new);
                if swap {
                    vec![current.clone()]
                } else {
                    Vec::new()
                }
            }
            LibFunc::AtomicValueCompareAndSwap => {
                let (old, new) = (arg(args, 1)?.clone(), arg(args, 2)?.clone());
                if dyn_type(&new).is_none() {
                    return Err(panic("compare and swap of nil value into Value"));
                }
                if dyn_type(&old).is_some() && dyn_type(&old) != dyn_type(&new) {
                    return Err(panic("compare and swap of inconsistently typed values"));
                }
                let swapped = if empty {
                    if dyn_type(&old).is_some() {
                        false
                    } else {
                        eff.extend(first_store);
                        true
                    }
                } else if dyn_type(&new) != dyn_type(&current) {
                    return Err(panic(
                        "compare and swap of inconsistently typed value into Value",
                    ));
                } else {
                    eff.push(Effect::Acquire(d.clone()));
                    let same = self.equal(&current, &old)?;
                    if same {
                        eff.extend([Effect::Acquire(d.clone()), Effect::Release(d)]);
                    }
                    same
                };
                if swapped {
                    stored = Some(new);
                }
                vec![Value::Bool(swapped)]
            }
            _ => return Err(wrong_kind("an atomic.Value method", &Value::Unit)),
        };
        // The race detector sees the accesses of the type word (Go 1.19 reports a plain copy of
        // the Value racing with them, not with the data word's): the first store's CAS writes
        // it, every other method loads it.
        let write = empty && stored.is_some();
        if let Some(v) = &stored {
            if let SyncState::AtomicValue(slot) = self.heap.sync_mut(&p)? {
                *slot = v.clone();
            }
        }
        eff.insert(
            0,
            Effect::Atomic {
                loc: Loc::Heap(p.clone()),
                write,
                exclusive: false,
            },
        );
        let name = format!(
            "{}: {}",
            func.go_name().trim_start_matches("sync/atomic."),
            if write {
                "CompareAndSwapPointer"
            } else {
                "LoadPointer"
            }
        );
        let shown = stored.unwrap_or(current);
        self.emit(
            gid,
            Op::Atomic {
                ptr: p,
                name,
                value: shown,
            },
            eff,
        );
        Ok(results)
    }
}
