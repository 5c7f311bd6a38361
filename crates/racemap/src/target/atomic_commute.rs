//! Commuting atomic adds: when a goroutine's next operation is a `sync/atomic` add whose
//! result the program discards, it is a persistent set of one move (Godefroid 1996, ch. 4) of
//! the stateful search's *quotient* by its state key (`explore::stateful`) under the
//! conditions below, although it is dependent, for the footprints, with the other goroutines'
//! adds to the same variable.
//!
//! Why the adds do not commute as they stand. Under Go's race detector (Go 1.19's runtime
//! calls ThreadSanitizer's `__tsan_go_atomic*`) a read-modify-write acquires and releases its
//! variable's clock `L_p`, so of two adds `A` (goroutine `g`) and `B` (goroutine `h`) to one
//! variable the second learns what the first's goroutine knew: `A;B` and `B;A` reach the same
//! machine state (the sum; nothing reads the results) but different happens-before clocks.
//!
//! What differs, exactly. With `RMW = [Acquire(L_p), Atomic(p), Release(L_p)]` (`rt::atomic`),
//! both orders record the same two access epochs (an acquire does not change a goroutine's own
//! entry), leave `L_p = L_p ⊔ C_g ⊔ C_h` and every other clock as it was, and differ only in
//! `C_g` (`⊔ C_h` in `B;A`) and `C_h` (`⊔ C_g` in `A;B`). So the detectors' canonical forms
//! (`race::canonical`) are equal when every access known to `C_g ⊔ L_p` or `C_h ⊔ L_p` but
//! not to both is dead (left out of the form: clock values are hashed only as levels among
//! live accesses), and `A` and `B` are dead themselves; the verdicts of `A` and `B` are then
//! the same in both orders too (a live plain access of `p` would have to be known to one
//! order's mover only). A race reported earlier makes the detector's part of the key one fact.
//!
//! A persistent set needs this not only now but at every state the other goroutines can reach
//! before `A` is made (the swap of `A` with each step of theirs, one at a time). The conditions
//! at the state `s`, for `A` the next operation of `g`:
//!
//! 1. *The region is bounded by `Wait`.* Every `sync.WaitGroup` lists `g` among the goroutines
//!    whose `Done` every `Wait` returning from now on comes after (`target::wait_guards`), and
//!    no other may be created: `g`'s `Done` comes after `A` (its next operation is `A`), so no
//!    `Wait` returns before `A` and each other goroutine `u` does at most its future up to its
//!    next `Wait` ([`Barrier::Wait`], `R(u)`) first; no counter then goes from zero, so no
//!    `Add` reads a semaphore word.
//! 2. *The others only add, with discarded results.* No `R(u)` holds a plain memory access
//!    ([`Classes::PLAIN_MEM`]), an atomic operation other than a discarded add
//!    ([`Classes::ATOMIC_OBSERVE`]), a map or channel operation, or anything unknown: the steps
//!    that touch `p` are discarded adds (the machine states agree), and the accesses they
//!    record are atomic accesses and the first `Wait` registration's write of a semaphore
//!    word (mutexes, `sync.Map`, `Once` only order). Output that reads no memory is fine.
//! 3. *Every atomic access made before `A` (and `A`) is dead once made.* For each goroutine
//!    `a` that may make one (`g`, and each `u` whose `R(u)` has [`Classes::ATOMIC_MEM`]) and
//!    each other goroutine `v`: `v`'s whole future has no plain access (an atomic access
//!    races only with those), or `v`'s future up to its next `Wait` has none and `a` is
//!    wait-guarded: listed for every WaitGroup (every `Wait` returning from now on comes after
//!    its `Done`) with every such `Done` after all its other operations (`g`: after `A`; `u`:
//!    no `Done` as its next operation, its `Done`s deferred by its root frame before any other
//!    deferred call, so they run last), so `v`'s later plain accesses come after the access.
//!    A goroutine created before `A` could make accesses no `Done` is known to order: with a
//!    wait-guarded access, no `R(u)` may spawn.
//! 4. *Every live access now is inert* (checked on the detector, `race::Detector::live_inert`):
//!    made by a goroutine parked at a `Wait` (which, by 1, makes no step that releases before
//!    `A`) and known to no other goroutine's clock and no sync variable's clock, so no
//!    goroutine learns it before `A` (the registration write of 2 is such an access).
//!
//! Then at every state `t` of the region, every access live at `t` is inert (by 4, and by 2–3
//! for those made since `s`: dead, or a registration's write by a goroutine now stopped) and so
//! known to neither `g` nor any `h`, and `A`, `B` are dead (3): the keys of `t·A·B` and
//! `t·B·A` are equal, and so by induction over the steps of the region every run from `s` has
//! a run that makes `A` first with the same key at its end; the search's other obligations
//! (the step itself reporting the run's first race, ending the run) are checked once it is
//! made, as for every persistent set of one move (`target::persistent`).

use super::footprint::Footprint;
use crate::bytecode::future::{Barrier, Classes};
use crate::library::{AtomicOpKind, LibFunc};
use crate::rt::event::Gid;
use crate::rt::goroutine::{Deferred, GoStatus, Goroutine, Visible};
use crate::rt::machine::Machine;
use crate::rt::value::Value;

/// What no other goroutine may do before the add (condition 2 of the module docs).
const FOREIGN: Classes = Classes::TOP
    .union(Classes::PLAIN_MEM)
    .union(Classes::ATOMIC_OBSERVE)
    .union(Classes::MAP_READ)
    .union(Classes::MAP_WRITE)
    .union(Classes::CHAN)
    .union(Classes::CHAN_CLOSE);

/// What an atomic access races with.
const PLAIN: Classes = Classes::TOP.union(Classes::PLAIN_MEM);

impl Machine {
    /// When `gid`'s next operation is a discarded atomic add that is a persistent set alone
    /// by conditions 1–3 of the module docs: the goroutines parked at a `Wait` (whose live
    /// accesses condition 4 allows); `None` otherwise. `futures` is
    /// [`Machine::goroutine_futures`] of this state, `footprint` gives `Target::footprint`.
    pub(crate) fn atomic_alone(
        &self,
        gid: Gid,
        futures: &[Classes],
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<Gid>> {
        if self.goroutines.len() > self.max_futures_goroutines()
            || futures.len() != self.goroutines.len()
        {
            return None;
        }
        let statics = self.futures()?;
        let g = self.goroutines.get(gid.0 as usize)?;
        let adds = matches!(
            &g.next,
            Some(Visible::Lib { func, args, .. })
                if func.atomic_op() == Some(AtomicOpKind::Add)
                    && matches!(args.first(), Some(Value::Ptr(Some(_))))
        );
        if !adds
            || g.runtime
            || g.panicking.is_some()
            || !matches!(g.status, GoStatus::Parked)
            || !self.discards_result(g)
        {
            return None;
        }
        // 1: every WaitGroup waits for `g`'s `Done`.
        let groups = self.wait_groups(futures, footprint)?;
        let listed = |u: Gid| groups.iter().all(|(_, after)| after.contains(&u));
        if !listed(gid) {
            return None;
        }
        let mut stopped = Vec::new();
        let mut accessors = vec![gid];
        let mut spawns = false;
        // Per goroutine: its whole future has no plain access; its future up to a `Wait` has
        // none.
        let mut plain_free = vec![true; self.goroutines.len()];
        let mut waits_first = vec![true; self.goroutines.len()];
        for (i, u) in self.goroutines.iter().enumerate() {
            if !u.is_live() {
                continue;
            }
            let ui = Gid(i as u32);
            let before_wait = self.goroutine_future(ui, u, statics, Barrier::Wait, footprint);
            plain_free[i] = !futures[i].any(PLAIN);
            waits_first[i] = !before_wait.any(PLAIN);
            if ui == gid {
                continue;
            }
            // 2: what `u` may do before `A`.
            if before_wait.any(FOREIGN) {
                return None;
            }
            if before_wait.any(Classes::ATOMIC_MEM) {
                accessors.push(ui);
            }
            spawns |= before_wait.any(Classes::SPAWN);
            if parked_at_wait(u) {
                stopped.push(ui);
            }
        }
        // 3: every atomic access before `A`, and `A`, is dead once made.
        for &a in &accessors {
            let guarded = || listed(a) && (a == gid || self.dones_last(a)) && !spawns;
            let dead = (0..self.goroutines.len()).all(|v| {
                v == a.0 as usize
                    || !self.goroutines[v].is_live()
                    || plain_free[v]
                    || (waits_first[v] && guarded())
            });
            if !dead {
                return None;
            }
        }
        Some(stopped)
    }

    /// Goroutine `a`'s `Done`s come after all its other operations: none is its next
    /// operation, and all are deferred by its root frame before any other deferred call (so
    /// they run last). (Its code calls no other `Done`: `target::wait_guards` found none.)
    fn dones_last(&self, a: Gid) -> bool {
        let Some(g) = self.goroutines.get(a.0 as usize) else {
            return false;
        };
        let is_done = |d: &Deferred| {
            matches!(
                d,
                Deferred::Lib {
                    func: LibFunc::WaitGroupDone,
                    ..
                }
            )
        };
        if matches!(
            &g.next,
            Some(Visible::Lib {
                func: LibFunc::WaitGroupDone,
                ..
            })
        ) {
            return false;
        }
        let Some((root, above)) = g.frames.split_first() else {
            return false;
        };
        let first_other = root
            .defers
            .iter()
            .position(|d| !is_done(d))
            .unwrap_or(root.defers.len());
        !root.defers[first_other..].iter().any(is_done)
            && !above.iter().any(|f| f.defers.iter().any(is_done))
    }
}

/// `g` is parked at a `sync.WaitGroup`'s `Wait` (its first step or its blocked second one).
fn parked_at_wait(g: &Goroutine) -> bool {
    matches!(
        &g.next,
        Some(Visible::Lib {
            func: LibFunc::WaitGroupWait,
            ..
        }) | Some(Visible::WaitGroupSemacquire(_))
    )
}
