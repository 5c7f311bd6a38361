//! Main's return in a plain build (`go build` without `-race`, [`Config::plain_build`]).
//!
//! Go 1.19's `runtime.main`, once `main.main` returns, yields up to a thousand times while a
//! panic runs its deferred calls (`runningPanicDefers`), then parks for good while a panic
//! prints (`panicking`, set by `startpanic_m` before it prints): the panicking goroutine ends
//! the program, exit status 2. A race build calls `racefini` first, whose `__tsan_fini` exits at
//! once, so there main's return races with a panic in progress (racemap's default). Here main's
//! return (its `Visible::Exit` with no panic of its own) can move only while no other
//! goroutine has an unrecovered panic in progress that can move: one blocked in a deferred
//! call (or sleeping in one) lets main's yields run out, and Go exits then.
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

    /// `g` (not main) has an unrecovered panic in progress and its next operation can run.
    fn panic_can_go_on(&self, g: &Goroutine) -> bool {
        let panics = g
            .panicking
            .as_ref()
            .is_some_and(|p| !p.goexit && !p.recovered);
        if g.gid == Gid::MAIN || !panics || g.status != GoStatus::Parked {
            return false;
        }
        g.next.as_ref().is_some_and(|v| self.enabled(g.gid, v))
    }
}
