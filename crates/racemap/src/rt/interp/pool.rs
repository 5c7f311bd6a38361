//! `sync.Pool` (`Get`, `Put`, `New`) as Go 1.19's `sync/pool.go` allows it to behave.
//!
//! A Pool's cell is `struct { New func() any; items []any }` (`lang::check::universe`),
//! `items` the values put and not yet taken, oldest first. Go's `Get` may return any pooled
//! value (its P's private one, the head of its own shard, one stolen from another P's shard or
//! from the victim cache after a GC) or none, calling `New` (the pool may have been emptied by
//! a GC at any time, and under `-race` `Put` drops one value in four at random). So `Get` is
//! a visible choice ([`Machine::alternatives`]): alternative `k < n` takes the `k`-th most
//! recently put value (0, the latest, is Go's usual private one), alternative `n` calls `New`
//! (or returns nil without it); a run draws the alternative from its seed, the explorer tries
//! each. `Put(x)` of a non-nil `x` appends it.
//!
//! For the race detector, as Go's `-race` annotations: `Put` releases `poolRaceAddr(x)`, the
//! `Get` returning `x` acquires it ([`SyncVar::Pool`], keyed by `x`'s pointer, or by the
//! pool's for a value without one; Go hashes the address into 128 shared slots, so it may
//! order more than this does). `New`'s call runs as program code, its result `Get`'s.

use super::*;
use crate::rt::event::SyncVar;

impl Machine {
    /// A call of `(*sync.Pool).Get` (alternative `alt`) or `Put` on the pool `args[0]` points
    /// to. Returns whether the call is done (false: `New` was called).
    pub(super) fn pool_call(
        &mut self,
        gid: Gid,
        func: LibFunc,
        args: &[Value],
        push_results: bool,
        alt: u32,
    ) -> R<bool> {
        let p = match args.first() {
            Some(Value::Ptr(Some(p))) => p.clone(),
            _ => return Err(RtError::nil_deref().into()),
        };
        let cell = p.child(1);
        let items = match self.heap.load(&cell)? {
            v @ Value::Slice(Some(_)) => self.elements_of(&v)?,
            _ => Vec::new(),
        };
        let any = self.any_type();
        if func == LibFunc::PoolPut {
            let x = arg(args, 1)?.clone();
            if x == Value::Iface(None) {
                self.emit(
                    gid,
                    Op::Load {
                        ptr: cell,
                        value: x,
                    },
                    Vec::new(),
                );
                return self.pool_done(gid, Vec::new(), push_results);
            }
            let var = SyncVar::Pool(pool_key(&x, &p));
            let mut all = items;
            all.push(x.clone());
            let n = all.len();
            let s = self.new_slice(all, n, any)?;
            self.heap.store(&cell, Value::Slice(Some(s)))?;
            self.emit(
                gid,
                Op::Store {
                    ptr: cell,
                    value: x,
                },
                vec![Effect::Release(var)],
            );
            return self.pool_done(gid, Vec::new(), push_results);
        }
        let n = items.len();
        let k = alt as usize;
        if k < n {
            let mut rest = items;
            let x = rest.remove(n - 1 - k);
            let var = SyncVar::Pool(pool_key(&x, &p));
            let m = rest.len();
            let s = self.new_slice(rest, m, any)?;
            self.heap.store(&cell, Value::Slice(Some(s)))?;
            self.emit(
                gid,
                Op::Load {
                    ptr: cell,
                    value: x.clone(),
                },
                vec![Effect::Acquire(var)],
            );
            return self.pool_done(gid, vec![x], push_results);
        }
        let new = self.heap.load(&p.child(0))?;
        self.emit(
            gid,
            Op::Load {
                ptr: p.child(0),
                value: Value::Iface(None),
            },
            Vec::new(),
        );
        if new == Value::Func(None) {
            return self.pool_done(gid, vec![Value::Iface(None)], push_results);
        }
        let kind = if push_results {
            FrameKind::Call
        } else {
            FrameKind::Deferred
        };
        self.g(gid).next = None;
        self.call_value(gid, new, Vec::new(), kind)?;
        Ok(false)
    }

    /// The call returns `results`.
    fn pool_done(&mut self, gid: Gid, results: Vec<Value>, push_results: bool) -> R<bool> {
        let g = self.g(gid);
        g.next = None;
        if push_results {
            if let Some(f) = g.frames.last_mut() {
                f.stack.extend(results);
            }
        }
        Ok(true)
    }

    /// The type `any`.
    fn any_type(&self) -> crate::types::TypeId {
        self.program
            .types
            .find(&crate::types::TypeKind::Interface(Vec::new()))
            .unwrap_or(crate::types::TypeTable::basic(crate::types::Basic::Invalid))
    }
}

/// The race detector's key of value `x` in the pool at `pool`: its pointer, else the pool's.
fn pool_key(x: &Value, pool: &Pointer) -> Pointer {
    match x {
        Value::Iface(Some(b)) => match &b.1 {
            Value::Ptr(Some(q)) => q.clone(),
            _ => pool.clone(),
        },
        _ => pool.clone(),
    }
}
