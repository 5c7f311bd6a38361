//! What a timer's runtime goroutine may still do (`rt::timer`), for the static futures of
//! programs that sleep or arm timers (`target::persistent`, the race detector's dead accesses).
//!
//! A runtime goroutine runs no bytecode: it sleeps until its timer's deadline, then fires it
//! (`Machine::fire_timer`) and, for a ticker, sleeps again until the next period to fire the
//! same way. So its whole future is known from the timer's state: the fire's own footprint (the
//! timer's state, the clock or the scheduler's idleness, the channel, the contexts), and what
//! the fire's action does besides:
//!
//! * `sendTime`: a non-blocking send of the time on the timer's channel ([`Classes::CHAN`]);
//! * `goFunc` (`time.AfterFunc`): `go f()`, a spawn whose goroutine does what `f` may do (its
//!   summary, or what any function value may do);
//! * a context's deadline: the cancel of the context and its children (`rt::context`: their
//!   states, closes of their `Done` channels, their timers stopped), what a call of the
//!   context's `CancelFunc` may do.
//!
//! A `Stop` or `Reset` of another goroutine ends the runtime goroutine or replaces it by a new
//! one (the caller's future holds that one: `bytecode::future`), and a timer's state changes no
//! action, so nothing else can happen. Anything else (a runtime goroutine not at a fire, a
//! timer state that is not one) is [`Classes::TOP`].

use super::footprint::Footprint;
use crate::bytecode::future::{Barrier, Classes, Futures};
use crate::library::LibFunc;
use crate::rt::event::Gid;
use crate::rt::goroutine::{GoStatus, Goroutine, Visible};
use crate::rt::machine::Machine;
use crate::rt::sync_state::SyncState;
use crate::rt::timer::TimerAction;
use crate::rt::value::Value;

impl Machine {
    /// What runtime goroutine `g` (`gid`) may still do before it takes a `barrier` lock (see
    /// the module docs); `footprint` gives [`super::Target::footprint`] of this state.
    pub(super) fn timer_future(
        &self,
        gid: Gid,
        g: &Goroutine,
        futures: &Futures,
        barrier: Barrier,
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Classes {
        let (GoStatus::Sleeping(_), Some(Visible::TimerFire(p))) = (&g.status, &g.next) else {
            return Classes::TOP;
        };
        let Ok(SyncState::Timer(timer)) = self.heap.sync(p) else {
            return Classes::TOP;
        };
        let fire = match footprint(gid) {
            Some(fp) => self.footprint_classes(&fp, true),
            None => Classes::TOP,
        };
        let action = match &timer.action {
            TimerAction::None => Classes::NONE,
            TimerAction::Send(_) => Classes::CHAN,
            TimerAction::Func(Value::Func(Some(closure))) => {
                Classes::SPAWN.union(futures.summary_until(barrier, closure.func))
            }
            TimerAction::Func(_) => Classes::SPAWN.union(futures.value_callees_until(barrier)),
            TimerAction::CancelContext(_) => futures.library_until(barrier, LibFunc::ContextCancel),
        };
        fire.union(action)
            .union(Classes::CLOCK)
            .union(Classes::SYNC)
    }
}
