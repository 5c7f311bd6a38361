//! The facts the race detector's lock-guarded liveness needs of a machine state
//! (`race::LockGuards`, `race::canonical`): what a goroutine may do before it next takes a
//! lock (its static future up to a [`Barrier`]), and every lock in the heap, found by walking
//! every heap cell's value (a lock can be taken only through a pointer, so it lives in a cell).
//!
//! `None` where the facts would not be sound or cost too much: the static future does not apply
//! (a test), some goroutine may still create a lock
//! ([`Classes::LOCK_NEW`]: a new lock's release clock knows nothing), too many goroutines, or
//! a heap larger than [`MAX_SLOTS`] value slots.

use crate::bytecode::future::{Barrier, Classes};
use crate::library::LibFunc;
use crate::rt::event::Gid;
use crate::rt::goroutine::Visible;
use crate::rt::machine::Machine;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ObjId, Pointer, Value};
use crate::target::Footprint;
use std::rc::Rc;

/// The most heap value slots walked to find the locks.
const MAX_SLOTS: u64 = 1 << 14;

impl Machine {
    /// Every lock in the heap, for lock-guarded liveness (see the module docs); `None` where
    /// it does not apply. `all` is [`Machine::goroutine_futures`] of this state.
    pub(crate) fn lock_set(&self, all: &[Classes]) -> Option<Vec<(Pointer, bool)>> {
        if self.heap.slots > MAX_SLOTS {
            return None;
        }
        if all.iter().any(|c| c.any(Classes::LOCK_NEW)) {
            return None;
        }
        self.futures()?;
        let mut locks = Vec::new();
        let mut path = Vec::new();
        for (i, cell) in self.heap.cells.iter().enumerate() {
            find_locks(&cell.value, ObjId(i as u32), &mut path, &mut locks);
        }
        Some(locks)
    }

    /// [`Machine::future_until`] of `gid` and `barrier` is its whole future (its part of
    /// [`Machine::goroutine_futures`]): no instruction of the program stops at `barrier`, and
    /// its next operation is not a library call that does (a lock taken through a
    /// `sync.Locker`, a `Wait`). Then the future up to the barrier is read from the same
    /// tables as the whole one (`Futures::stops_nowhere`).
    pub(crate) fn future_until_is_whole(&self, gid: Gid, barrier: Barrier) -> bool {
        let Some(futures) = self.futures() else {
            return false;
        };
        let Some(g) = self.goroutines.get(gid.0 as usize) else {
            return false;
        };
        let taking = match (&g.next, barrier) {
            (_, Barrier::None) => false,
            (Some(Visible::Lib { func, .. }), Barrier::AnyLock) => matches!(
                func,
                LibFunc::MutexLock | LibFunc::RwMutexLock | LibFunc::RwMutexRLock
            ),
            (Some(Visible::Lib { func, .. }), Barrier::ExclusiveLock) => {
                matches!(func, LibFunc::MutexLock | LibFunc::RwMutexLock)
            }
            (Some(Visible::Lib { func, .. }), Barrier::Wait) => {
                matches!(func, LibFunc::WaitGroupWait)
            }
            (Some(Visible::WaitGroupSemacquire(_)), Barrier::Wait) => true,
            _ => false,
        };
        !g.runtime && !taking && futures.stops_nowhere(barrier)
    }

    /// What `gid` may do before it next takes a lock of `barrier`'s kind (nothing once it
    /// exited); `None` without static futures or such a goroutine. `footprint` gives
    /// `Target::footprint` of this state.
    pub(crate) fn future_until(
        &self,
        gid: Gid,
        barrier: Barrier,
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Classes> {
        let futures = self.futures()?;
        let g = self.goroutines.get(gid.0 as usize)?;
        Some(if g.is_live() {
            self.goroutine_future(gid, g, futures, barrier, footprint)
        } else {
            Classes::NONE
        })
    }
}

/// Push every `sync.Mutex` and `sync.RWMutex` held in place in `v` (at `path` in cell `obj`)
/// onto `locks`, with whether it is an RWMutex.
fn find_locks(v: &Value, obj: ObjId, path: &mut Vec<u32>, locks: &mut Vec<(Pointer, bool)>) {
    match v {
        Value::Sync(s) => {
            let rw = match **s {
                SyncState::Mutex(_) => false,
                SyncState::RwMutex(_) => true,
                _ => return,
            };
            locks.push((
                Pointer {
                    obj,
                    path: Rc::from(path.as_slice()),
                },
                rw,
            ));
        }
        Value::Struct(fields) | Value::Array(fields) => {
            for (i, f) in fields.iter().enumerate() {
                path.push(i as u32);
                find_locks(f, obj, path, locks);
                path.pop();
            }
        }
        _ => {}
    }
}
