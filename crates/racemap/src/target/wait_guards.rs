//! The facts the race detector's wait-guarded liveness needs of a machine state
//! (`race::LockGuards::wait_groups`, `race::canonical`): what each goroutine may do before it next waits on a
//! `sync.WaitGroup` (the static futures up to [`Barrier::Wait`]), and for every WaitGroup in the
//! heap, the goroutines whose `Done` every `Wait` on it that returns from now on comes after.
//!
//! The argument (a must-happen-before through the counter). A `Wait` returns normally only when
//! the counter is zero (`rt::waitgroup`: at its first step, or when it takes a token with the
//! state zero), and its return acquires the WaitGroup's release clock, which every `Done`
//! joins before it lowers the counter. When no goroutine may lower any counter except through
//! the `Done`s already on their way (registered `defer wg.Done()`s, a `Done` that is a
//! goroutine's next operation: [`Classes::WG_DEC`] in no other part of any future) and a
//! WaitGroup's counter is at least the number of those `Done`s on it, the counter reaches zero
//! only once every one of them was made: a `Wait` on it that returns from now on comes after
//! each of them, so after every access their goroutines made before. (A counter above that
//! number never reaches zero: no such `Wait` returns.)
//!
//! `None` where the facts would not be sound or cost too much: the static future does not apply
//! (a test), some goroutine may still create a WaitGroup
//! ([`Classes::WAIT_NEW`]: a new one's release clock knows nothing and its `Wait` may return at
//! once) or lower a counter otherwise, a goroutine's future is unknown ([`Classes::TOP`]), or a
//! heap larger than [`MAX_SLOTS`] value slots.

use crate::bytecode::future::{Barrier, Classes};
use crate::rt::event::Gid;
use crate::rt::machine::Machine;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ObjId, Pointer, Value};
use crate::target::Footprint;
use std::rc::Rc;

/// The most heap value slots walked to find the WaitGroups.
const MAX_SLOTS: u64 = 1 << 14;

impl Machine {
    /// Every WaitGroup in the heap with the goroutines whose `Done` on it every `Wait` on it
    /// that returns from now on comes after (see the module docs); `None` where that is not
    /// known. `all` is [`Machine::goroutine_futures`] of this state, `footprint` gives
    /// `Target::footprint` of it. (What a goroutine may do before its next `Wait` is
    /// `future_until` with [`Barrier::Wait`].)
    pub(crate) fn wait_groups(
        &self,
        all: &[Classes],
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<crate::race::WaitGroupDones>> {
        if self.heap.slots > MAX_SLOTS {
            return None;
        }
        let futures = self.futures()?;
        let unknown = Classes::TOP.union(Classes::WG_DEC).union(Classes::WAIT_NEW);
        // Each `Done` on its way, as (WaitGroup, goroutine).
        let mut dones: Vec<(Pointer, Gid)> = Vec::new();
        for (i, g) in self.goroutines.iter().enumerate() {
            // A goroutine whose whole future lowers no counter has no `Done` on its way.
            if !g.is_live() || all.get(i).is_some_and(|c| !c.any(unknown)) {
                continue;
            }
            let gid = Gid(i as u32);
            let mut mine = Vec::new();
            let rest = self.goroutine_future_apart(
                gid,
                g,
                futures,
                Barrier::None,
                footprint,
                Some(&mut mine),
                None,
            );
            if rest.any(unknown) {
                return None;
            }
            dones.extend(mine.into_iter().map(|p| (p, gid)));
        }
        let mut groups = Vec::new();
        let mut path = Vec::new();
        for (i, cell) in self.heap.cells.iter().enumerate() {
            find_wait_groups(&cell.value, ObjId(i as u32), &mut path, &mut groups);
        }
        Some(
            groups
                .into_iter()
                .map(|(p, counter)| {
                    let on_it: Vec<Gid> = dones
                        .iter()
                        .filter(|(q, _)| *q == p)
                        .map(|(_, g)| *g)
                        .collect();
                    let needed = counter >= on_it.len() as i64;
                    (p, if needed { on_it } else { Vec::new() })
                })
                .collect(),
        )
    }
}

/// Push every `sync.WaitGroup` inside `v` (cell `obj`, at `path`) with its counter.
fn find_wait_groups(v: &Value, obj: ObjId, path: &mut Vec<u32>, out: &mut Vec<(Pointer, i64)>) {
    match v {
        Value::Sync(s) => {
            if let SyncState::WaitGroup(wg) = &**s {
                out.push((
                    Pointer {
                        obj,
                        path: Rc::from(path.as_slice()),
                    },
                    wg.counter,
                ));
            }
        }
        Value::Struct(fields) | Value::Array(fields) => {
            for (i, f) in fields.iter().enumerate() {
                path.push(i as u32);
                find_wait_groups(f, obj, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}
