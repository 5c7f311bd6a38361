//! A WaitGroup's steps (`wg.Add`, `wg.Wait`, `wg.Done()` and the wake-up step of the `Done`
//! that reaches zero) as persistent sets of one move (`target::persistent`), where nothing
//! another goroutine may still do before them can tell when they happen.
//!
//! A `Done` of goroutine `g` on WaitGroup `W` at state `S` goes alone when:
//! - no other goroutine may still `Add`, start a `Wait` on, or lower a counter of any WaitGroup
//!   but through the `Done`s already on their way (in its static future apart from those, no
//!   [`Classes::WG_DEC`], [`Classes::WG_WAIT`] nor [`Classes::TOP`]), none holds a pending
//!   wake-up step of `W`, and the program never copies, overwrites or prints a WaitGroup
//!   (`Program::copies_wait_groups`: a plain memory access could then read `W`'s state);
//! - `W`'s counter is at least one more than the other goroutines' `Done`s on it on their way,
//!   and its semaphore holds no token.
//!
//! Why every run from `S` then has the outcome of one that makes the `Done` first. The other
//! goroutines' moves before it touch `W` only through their own `Done`s on it: the counter
//! cannot reach zero before this `Done` (it is above their number, and nothing else lowers it),
//! so no blocked `Wait` on `W` takes a token, no registered waiter moves, and no `Done` makes
//! the counter negative. Two `Done`s on `W` join their goroutines' clocks into `W`'s release
//! clock (a join commutes) and lower the counter: in either order the state is the same,
//! except when the second reaches zero with waiters registered. That one takes a second step
//! (`rt::waitgroup`, `Visible::WaitGroupWake`: Go re-reads the state, panics if an `Add` or a
//! `Wait` came in between, else wakes the waiters), so the two orders differ in which goroutine
//! owes the wake-up. That wake-up commutes with every move of every other goroutine (none may
//! `Add`, `Wait` or touch `W`'s memory; the waiters are blocked until it), it cannot fail (the
//! state it re-reads cannot change), it ends no run and reports no race: a run that makes it
//! later has the outcome of one that makes it right after the `Done`, and after it the two
//! orders are in the same state. (Godefroid's persistent sets ask for independence in the
//! strict sense; this is independence up to that wake-up, which the argument above moves next
//! to its `Done` in every run.)
//!
//! The wake-up itself goes alone under the same conditions: `W`'s counter is zero with the
//! waiters it recorded and no token, and no `Done` on `W` is on its way.
//!
//! A `Wait` that may register before the `Done` (another goroutine's future holds
//! [`Classes::WG_WAIT`]) does not change that when `g` itself may not `Add` later: if the
//! `Done` is the one that reaches zero, the run where the `Wait` registered first (it writes
//! `W`'s semaphore word for the race detector, is woken, takes a token and acquires `W`) ends
//! where the run whose `Wait` comes after the `Done` does (it returns at once and acquires the
//! same clock); the write is read only by an `Add` from zero, which no other goroutine may make,
//! and `g`'s could race with it.
//!
//! `wg.Add(n)` with `n > 0` and a `Wait`'s first step of goroutine `g` go alone when `g` is the
//! only goroutine that may still `Add` or `Wait` (the others' futures apart from their `Done`s
//! on their way hold no [`Classes::WG_DEC`], [`Classes::WG_WAIT`] nor [`Classes::TOP`]), no
//! goroutine owes `W`'s wake-up, the semaphore holds no token and `W`'s counter is at least the
//! number of those `Done`s on it (none can make it negative before the step):
//! - an `Add` with no waiter registered commutes with the `Done`s up to its first-increment
//!   read of the semaphore word (made only if they brought the counter to zero first), which
//!   only a registration could race with, and none but `g`'s, after it, can come;
//! - a `Wait` that returns (the counter is zero: no `Done` is on its way) acquires a clock no
//!   other step changes; one that registers commutes with the `Done`s up to the wake-up, as
//!   above (the write of the semaphore word has no reader: no other goroutine may `Add`).
//!
//! The conditions hold in the common shape `for … { wg.Add(1); go func() { defer wg.Done(); … }()
//! }; wg.Wait()`: main's `Add`s and `Wait` and each worker's `Done` are explored alone instead
//! of against every move of the others.
//!
//! A `Done` on its way is also one still to come in a goroutine's code whose WaitGroup is not
//! known yet (`go func() { …; wg.Done() }()`): where a frame's code from its point on lowers a
//! counter at most once on every path, and only by a `wg.Done()` (`bytecode::future`'s Done
//! counts), that frame counts one `Done` on `W`, whichever WaitGroup it will be (a `Done` on
//! another one changes nothing above, and counting it on `W` only asks more of `W`'s
//! counter).

use super::footprint::{Footprint, Resource};
use super::Target;
use crate::bytecode::future::{Barrier, Classes};
use crate::library::LibFunc;
use crate::rt::event::Gid;
use crate::rt::goroutine::Visible;
use crate::rt::machine::Machine;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{Pointer, Value};

/// Which WaitGroup step a goroutine is about to make.
#[derive(Clone, Copy, PartialEq)]
enum WaitGroupStep {
    /// `wg.Add(n)` with `n > 0`.
    Add,
    /// `wg.Wait()`'s first step (it returns at zero, else registers as a waiter).
    Wait,
    /// `wg.Done()`.
    Done,
    /// The wake-up step of the `Done` that reached zero, with the waiters it recorded.
    Wake(u32),
}

impl Machine {
    /// Whether `gid`'s next step, a `wg.Done()` or a wake-up step made with `footprint`, is a
    /// persistent set alone (see the module docs); `None` when it is neither. `all` is
    /// [`Machine::goroutine_futures`] of this state.
    pub(super) fn wait_group_step_alone(
        &self,
        gid: Gid,
        footprint: &Footprint,
        all: &[Classes],
    ) -> Option<bool> {
        let g = self.goroutines.get(gid.0 as usize)?;
        let (wg, step) = match &g.next {
            Some(Visible::Lib {
                func: LibFunc::WaitGroupDone,
                args,
                ..
            }) => match args.first() {
                Some(Value::Ptr(Some(p))) => (p, WaitGroupStep::Done),
                _ => return Some(false),
            },
            Some(Visible::Lib {
                func: LibFunc::WaitGroupAdd,
                args,
                ..
            }) => match (args.first(), args.get(1)) {
                (Some(Value::Ptr(Some(p))), Some(Value::Int(n))) if *n > 0 => {
                    (p, WaitGroupStep::Add)
                }
                _ => return Some(false),
            },
            Some(Visible::Lib {
                func: LibFunc::WaitGroupWait,
                args,
                ..
            }) => match args.first() {
                Some(Value::Ptr(Some(p))) => (p, WaitGroupStep::Wait),
                _ => return Some(false),
            },
            Some(Visible::WaitGroupWake { wg, waiters }) => (wg, WaitGroupStep::Wake(*waiters)),
            _ => return None,
        };
        Some(self.wait_group_step_commutes(gid, wg, step, footprint, all))
    }

    fn wait_group_step_commutes(
        &self,
        gid: Gid,
        wg: &Pointer,
        step: WaitGroupStep,
        footprint: &Footprint,
        all: &[Classes],
    ) -> bool {
        if self.program.copies_wait_groups || footprint.global || footprint.main_exit {
            return false;
        }
        // The step touches `W` and nothing else.
        let only_w = footprint.resources.iter().all(|(r, _)| match r {
            Resource::Memory(p) | Resource::Commuting(p, _) => p == wg,
            _ => false,
        });
        if !only_w {
            return false;
        }
        let Some(futures) = self.futures() else {
            return false;
        };
        let Ok(SyncState::WaitGroup(state)) = self.heap.sync(wg) else {
            return false;
        };
        if state.sema != 0 {
            return false;
        }
        let state_ok = match step {
            WaitGroupStep::Add => state.waiters == 0 && state.counter >= 0,
            WaitGroupStep::Wait => state.counter >= 0,
            WaitGroupStep::Done => state.counter >= 1,
            WaitGroupStep::Wake(waiters) => state.counter == 0 && state.waiters == waiters,
        };
        if !state_ok {
            return false;
        }
        let forbidden = Classes::TOP.union(Classes::WG_DEC);
        let mut footprint_of = |h: Gid| Target::footprint(self, h);
        let mut others_dones: i64 = 0;
        let mut waits = false;
        for (i, h) in self.goroutines.iter().enumerate() {
            if i == gid.0 as usize || !h.is_live() {
                continue;
            }
            match &h.next {
                // A registered waiter of `W`: blocked until the counter reaches zero, which
                // needs this `Done` first (or, for the wake-up, this step itself).
                Some(Visible::WaitGroupSemacquire(p)) if p == wg => continue,
                // Another goroutine owes `W`'s wake-up.
                Some(Visible::WaitGroupWake { wg: p, .. }) if p == wg => return false,
                _ => {}
            }
            let whole = all.get(i).copied().unwrap_or(Classes::TOP);
            if !whole.any(forbidden) {
                waits |= whole.any(Classes::WG_WAIT);
                continue;
            }
            let mut dones = Vec::new();
            let mut unknown = 0u32;
            let rest = self.goroutine_future_apart(
                Gid(i as u32),
                h,
                futures,
                Barrier::None,
                &mut footprint_of,
                Some(&mut dones),
                Some(&mut unknown),
            );
            if rest.any(forbidden) {
                return false;
            }
            waits |= rest.any(Classes::WG_WAIT);
            // A `Done` to come whose WaitGroup is not known yet counts as one on `W`.
            others_dones += dones.iter().filter(|p| *p == wg).count() as i64 + i64::from(unknown);
        }
        // A `Wait` that registers before the `Done` writes the semaphore word for the race
        // detector, one that comes after does not: an `Add` from zero this goroutine makes
        // later could race with the first only (see the module docs).
        if waits && matches!(step, WaitGroupStep::Add | WaitGroupStep::Wait) {
            return false;
        }
        if waits && step == WaitGroupStep::Done {
            let Some(g) = self.goroutines.get(gid.0 as usize) else {
                return false;
            };
            let mut mine = Vec::new();
            let own = self.goroutine_future_apart(
                gid,
                g,
                futures,
                Barrier::None,
                &mut footprint_of,
                Some(&mut mine),
                Some(&mut 0),
            );
            if own.any(forbidden) {
                return false;
            }
        }
        match step {
            WaitGroupStep::Add | WaitGroupStep::Wait => state.counter >= others_dones,
            WaitGroupStep::Done => state.counter > others_dones,
            WaitGroupStep::Wake(_) => others_dones == 0,
        }
    }
}
