//! Main's return in a plain build (`go build` without `-race`, [`Config::plain_build`]).
//!
//! Go 1.19's `runtime.main`, once `main.main` returns, yields up to a thousand times while a
//! panic runs its deferred calls (`runningPanicDefers`), then parks for good while a panic
//! prints (`panicking`, set by `startpanic_m` before it prints): the panicking goroutine ends
//! the program, exit status 2. A race build calls `racefini` first, whose `__tsan_fini` exits at
//! once, so there main's return races with a panic in progress (racemap's default). Here main's
//! return (its `Visible::Exit` with no panic of its own) can move only while no other
//! goroutine has an unrecovered panic in progress that can move: one blocked in a deferred
//! call (or sleeping in one) lets main's yields run out, and Go exits then. A panic counts
//! from the first operation of its goroutine completed since it began (`Panicking::seen`):
//! its start ran in local code, inside the step before, which might as well have run just
//! before its next step (Go 1.19.8 plain build, a goroutine that panics at once while main
//! prints twice and returns: `hi there` and exit 0 in 167 of 200 runs).
//!
//! [`Config::plain_build`]: crate::rt::config::Config::plain_build

use super::*;

impl Machine {
    /// Main may take the exit step of its return now (in a plain build; see the module docs).
    pub(super) fn main_may_exit(&self) -> bool {
        let own_panic = self
            .goroutines
            .get(Gid::MAIN.0 as usize)
            .is_some_and(|g| g.panicking.as_ref().is_some_and(|p| !p.goexit));
        own_panic || !self.goroutines.iter().any(|g| self.panic_can_go_on(g))
    }

    /// `g` (not main) has an unrecovered panic in progress, seen begun, and its next
    /// operation can run.
    fn panic_can_go_on(&self, g: &Goroutine) -> bool {
        let panics = g
            .panicking
            .as_ref()
            .is_some_and(|p| !p.goexit && !p.recovered && p.seen);
        if g.gid == Gid::MAIN || !panics || g.status != GoStatus::Parked {
            return false;
        }
        g.next.as_ref().is_some_and(|v| self.enabled(g.gid, v))
    }

    /// An operation of `gid` completes now: in a plain build, a panic it has in progress is
    /// seen begun from here on.
    pub(crate) fn note_panic_seen(&mut self, gid: Gid) {
        if !self.config.plain_build {
            return;
        }
        let unseen = self
            .goroutines
            .get(gid.0 as usize)
            .and_then(|g| g.panicking.as_ref())
            .is_some_and(|p| !p.goexit && !p.seen);
        if unseen {
            if let Some(p) = self.goroutines[gid.0 as usize].panicking.as_mut() {
                p.seen = true;
            }
        }
    }
}
