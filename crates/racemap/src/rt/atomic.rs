//! `sync/atomic`: the functions on plain integer variables (`atomic.AddInt64(&x, 1)`,
//! `LoadInt32`, `StoreInt64`, `CompareAndSwapInt64`, `SwapInt32`, …) and the methods of the
//! typed `atomic.Int32` / `atomic.Int64` / `atomic.Bool` (`Add`, `Load`, `Store`,
//! `CompareAndSwap`, `Swap`).
//!
//! Go semantics: each operation is indivisible; integer arithmetic wraps at the operand's width.
//! `Add` returns the new value, `Swap` the old one, `CompareAndSwap` whether it stored.
//!
//! Happens-before (doc/go_mem.html): atomics are sequentially consistent; if the effect of an
//! atomic A is observed by atomic B, A is synchronized before B. In the race detector this is
//! acquire/release on the variable (Go's tsan atomics are acquire loads, release stores and
//! acq-rel read-modify-writes). Effects, with `v = SyncVar::Atomic(ptr)` and `l = Loc::Heap(ptr)`:
//! - load (and a failed CAS): `[Atomic { l, write: false }, Acquire(v)]`
//! - store: `[Atomic { l, write: true }, Release(v)]`
//! - add, swap, successful CAS: `[Acquire(v), Atomic { l, write: true }, Release(v)]`
//!
//! Atomic accesses never race with each other but do race with plain accesses of the same
//! variable (`x++` next to `atomic.AddInt64(&x, 1)` is a race).

use crate::rt::event::{Effect, Loc, SyncVar};
use crate::rt::sync_state::{PrimError, SyncState};
use crate::rt::value::{Pointer, Value};

/// The operand width (and so the wrap-around) of an atomic operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AtomicWidth {
    /// `int32`, `atomic.Int32`.
    I32,
    /// `int64`, `atomic.Int64`.
    I64,
    /// `uint32`.
    U32,
    /// `uint64` (stored as the `i64` bit pattern, like every `uint64` value).
    U64,
    /// `atomic.Bool`.
    Bool,
}

impl AtomicWidth {
    /// Wrap an integer to this width.
    pub fn wrap(self, x: i64) -> i64 {
        match self {
            AtomicWidth::I32 => i64::from(x as i32),
            AtomicWidth::U32 => i64::from(x as u32),
            AtomicWidth::I64 | AtomicWidth::U64 => x,
            AtomicWidth::Bool => i64::from(x != 0),
        }
    }
}

/// One atomic operation.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum AtomicOp {
    /// `Load`.
    Load,
    /// `Store(v)`.
    Store(Value),
    /// `Add(delta)` (integers only).
    Add(i64),
    /// `Swap(new)`.
    Swap(Value),
    /// `CompareAndSwap(old, new)`.
    CompareAndSwap {
        /// Expected current value.
        old: Value,
        /// Value to store if it matches.
        new: Value,
    },
}

/// What an atomic operation did.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct AtomicOutcome {
    /// The variable's new content, in the same representation as the current one
    /// (`Value::Int`/`Value::Bool` or `Value::Sync(AtomicInt/AtomicBool)`); `None`: unchanged.
    pub stored: Option<Value>,
    /// The operation's result for the program (`Value::Unit` for `Store`).
    pub result: Value,
    /// The value after the operation (the value read, for a load): for `Op::Atomic`.
    pub after: Value,
    /// Memory-model effects.
    pub effects: Vec<Effect>,
}

/// The plain content of an atomic variable: `Int`/`Bool` as is; typed atomics unwrapped.
fn plain(current: &Value) -> Option<Value> {
    match current {
        Value::Int(_) | Value::Bool(_) => Some(current.clone()),
        Value::Sync(s) => match &**s {
            SyncState::AtomicInt(i) => Some(Value::Int(*i)),
            SyncState::AtomicBool(b) => Some(Value::Bool(*b)),
            _ => None,
        },
        _ => None,
    }
}

/// Re-wrap a plain value in the representation of `current`.
fn like(current: &Value, v: Value) -> Value {
    match (current, v) {
        (Value::Sync(_), Value::Int(i)) => Value::Sync(Box::new(SyncState::AtomicInt(i))),
        (Value::Sync(_), Value::Bool(b)) => Value::Sync(Box::new(SyncState::AtomicBool(b))),
        (_, v) => v,
    }
}

fn normalize(width: AtomicWidth, v: &Value) -> Value {
    match (width, v) {
        (AtomicWidth::Bool, Value::Bool(b)) => Value::Bool(*b),
        (w, Value::Int(i)) => Value::Int(w.wrap(*i)),
        (_, v) => v.clone(),
    }
}

/// Apply `op` to the atomic variable at `ptr` whose current content is `current`.
/// An operand of the wrong kind (a VM/lowering bug) is reported as a runtime error value.
pub fn apply(
    ptr: &Pointer,
    current: &Value,
    width: AtomicWidth,
    op: &AtomicOp,
) -> Result<AtomicOutcome, PrimError> {
    let bad = || {
        PrimError::RuntimeError(format!(
            "racemap: bad atomic operand {}",
            current.kind_name()
        ))
    };
    let cur = normalize(width, &plain(current).ok_or_else(bad)?);
    let l = Loc::Heap(ptr.clone());
    let v = SyncVar::Atomic(ptr.clone());
    let read_fx = vec![
        Effect::Atomic {
            loc: l.clone(),
            write: false,
            exclusive: false,
        },
        Effect::Acquire(v.clone()),
    ];
    let rmw_fx = vec![
        Effect::Acquire(v.clone()),
        Effect::Atomic {
            loc: l.clone(),
            write: true,
            exclusive: false,
        },
        Effect::Release(v.clone()),
    ];
    Ok(match op {
        AtomicOp::Load => AtomicOutcome {
            stored: None,
            result: cur.clone(),
            after: cur,
            effects: read_fx,
        },
        AtomicOp::Store(x) => {
            let x = normalize(width, x);
            AtomicOutcome {
                stored: Some(like(current, x.clone())),
                result: Value::Unit,
                after: x,
                effects: vec![
                    Effect::Atomic {
                        loc: l,
                        write: true,
                        exclusive: false,
                    },
                    Effect::Release(v),
                ],
            }
        }
        AtomicOp::Add(delta) => {
            let Value::Int(c) = cur else {
                return Err(bad());
            };
            let n = Value::Int(width.wrap(c.wrapping_add(*delta)));
            AtomicOutcome {
                stored: Some(like(current, n.clone())),
                result: n.clone(),
                after: n,
                effects: rmw_fx,
            }
        }
        AtomicOp::Swap(x) => {
            let x = normalize(width, x);
            AtomicOutcome {
                stored: Some(like(current, x.clone())),
                result: cur,
                after: x,
                effects: rmw_fx,
            }
        }
        AtomicOp::CompareAndSwap { old, new } => {
            if normalize(width, old) == cur {
                let x = normalize(width, new);
                AtomicOutcome {
                    stored: Some(like(current, x.clone())),
                    result: Value::Bool(true),
                    after: x,
                    effects: rmw_fx,
                }
            } else {
                AtomicOutcome {
                    stored: None,
                    result: Value::Bool(false),
                    after: cur,
                    effects: read_fx,
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::value::ObjId;

    fn p() -> Pointer {
        Pointer::root(ObjId(9))
    }

    #[test]
    fn add_returns_new_value_and_is_acq_rel() {
        let out = apply(&p(), &Value::Int(41), AtomicWidth::I64, &AtomicOp::Add(1)).unwrap();
        assert_eq!(out.result, Value::Int(42));
        assert_eq!(out.stored, Some(Value::Int(42)));
        assert_eq!(
            out.effects,
            vec![
                Effect::Acquire(SyncVar::Atomic(p())),
                Effect::Atomic {
                    loc: Loc::Heap(p()),
                    write: true,
                    exclusive: false,
                },
                Effect::Release(SyncVar::Atomic(p())),
            ]
        );
    }

    #[test]
    fn int32_wraps() {
        let out = apply(
            &p(),
            &Value::Int(i64::from(i32::MAX)),
            AtomicWidth::I32,
            &AtomicOp::Add(1),
        )
        .unwrap();
        assert_eq!(out.result, Value::Int(i64::from(i32::MIN)));
    }

    #[test]
    fn load_acquires_and_store_releases() {
        let out = apply(&p(), &Value::Int(5), AtomicWidth::I64, &AtomicOp::Load).unwrap();
        assert_eq!(out.result, Value::Int(5));
        assert_eq!(out.stored, None);
        assert_eq!(out.effects[1], Effect::Acquire(SyncVar::Atomic(p())));
        let out = apply(
            &p(),
            &Value::Int(5),
            AtomicWidth::I64,
            &AtomicOp::Store(Value::Int(6)),
        )
        .unwrap();
        assert_eq!(out.result, Value::Unit);
        assert_eq!(out.stored, Some(Value::Int(6)));
        assert_eq!(out.effects[1], Effect::Release(SyncVar::Atomic(p())));
    }

    #[test]
    fn cas_success_and_failure() {
        let cas = AtomicOp::CompareAndSwap {
            old: Value::Int(1),
            new: Value::Int(2),
        };
        let ok = apply(&p(), &Value::Int(1), AtomicWidth::I64, &cas).unwrap();
        assert_eq!(
            (ok.result, ok.stored),
            (Value::Bool(true), Some(Value::Int(2)))
        );
        let fail = apply(&p(), &Value::Int(3), AtomicWidth::I64, &cas).unwrap();
        assert_eq!((fail.result, fail.stored), (Value::Bool(false), None));
        assert_eq!(fail.effects.len(), 2);
    }

    #[test]
    fn typed_atomics_keep_their_representation() {
        let cur = Value::Sync(Box::new(SyncState::AtomicInt(7)));
        let out = apply(&p(), &cur, AtomicWidth::I64, &AtomicOp::Swap(Value::Int(8))).unwrap();
        assert_eq!(out.result, Value::Int(7));
        assert_eq!(
            out.stored,
            Some(Value::Sync(Box::new(SyncState::AtomicInt(8))))
        );
        let b = Value::Sync(Box::new(SyncState::AtomicBool(false)));
        let out = apply(
            &p(),
            &b,
            AtomicWidth::Bool,
            &AtomicOp::CompareAndSwap {
                old: Value::Bool(false),
                new: Value::Bool(true),
            },
        )
        .unwrap();
        assert_eq!(out.result, Value::Bool(true));
        assert_eq!(
            out.stored,
            Some(Value::Sync(Box::new(SyncState::AtomicBool(true))))
        );
    }

    #[test]
    fn bad_operand_is_an_error_value() {
        assert!(apply(&p(), &Value::str("x"), AtomicWidth::I64, &AtomicOp::Load).is_err());
    }
}
