//! What the explorer's footprints need to know of the virtual clock and the sleepers: whether
//! only sleepers can move (in virtual time order a wake-up is then due: the step that led there
//! enabled it), and whether the program can show the clock's value at all (otherwise the order
//! in which wake-ups raise it and steps read it shows nowhere). See `target::machine`'s
//! `clock_touches`.

use super::Machine;
use crate::bytecode::{Instr, LibFunc};
use crate::rt::goroutine::GoStatus;

impl Machine {
    /// Some goroutine can move and every one that can sleeps: in virtual time order, a
    /// wake-up is due.
    pub fn only_sleepers_move(&self) -> bool {
        // Only a program that sleeps or arms a timer has sleepers: the others are answered
        // without listing every move (a goroutine bomb offers thousands at every step).
        if !self.may_sleep() {
            debug_assert!(!self
                .goroutines
                .iter()
                .any(|g| matches!(g.status, GoStatus::Sleeping(_))));
            return false;
        }
        // No sleeper among the goroutines that may move (a superset of those that can): no
        // wake-up is due, and the moves need not be computed (most steps of most programs).
        if !self.sleeper_may_move() {
            return false;
        }
        let moves = self.runnable_in_virtual_time();
        !moves.is_empty()
            && moves.iter().all(|c| {
                self.goroutines
                    .get(c.gid.0 as usize)
                    .is_some_and(|g| matches!(g.status, GoStatus::Sleeping(_)))
            })
    }

    /// The program may show the virtual clock's value: it reads it (`time.Now`, `time.Since`,
    /// `time.Until`, a context's deadline, package `log`'s timestamps) or receives from a
    /// timer's channel (`time.After`, `time.Tick`, `time.NewTimer`, `time.NewTicker`: the
    /// value is the time of the fire). A program that only sleeps (and arms `AfterFunc`
    /// timers) cannot: when its sleepers wake is seen only in what they do after.
    pub fn observes_clock(&self) -> bool {
        *self.clock_observed.get_or_init(|| {
            self.program.funcs.iter().any(|f| {
                f.code.iter().any(|i| match i {
                    Instr::CallLib { func, .. } | Instr::DeferLib { func, .. } => {
                        matches!(
                            func,
                            LibFunc::TimeNow
                                | LibFunc::TimeSince
                                | LibFunc::TimeUntil
                                | LibFunc::TimeAfter
                                | LibFunc::TimeTick
                                | LibFunc::TimeNewTimer
                                | LibFunc::TimeNewTicker
                                | LibFunc::ContextDeadline
                                | LibFunc::ContextWithDeadline
                                | LibFunc::ContextWithTimeout
                        ) || func.spec().owner == crate::library::Owner::Package("log")
                    }
                    _ => false,
                })
            })
        })
    }

    /// The program may count its goroutines (`runtime.NumGoroutine`), and so observe when a
    /// goroutine exits.
    pub fn counts_goroutines(&self) -> bool {
        *self.goroutines_counted.get_or_init(|| {
            self.program.funcs.iter().any(|f| {
                f.code.iter().any(|i| {
                    matches!(
                        i,
                        Instr::CallLib {
                            func: LibFunc::RuntimeNumGoroutine,
                            ..
                        } | Instr::DeferLib {
                            func: LibFunc::RuntimeNumGoroutine,
                            ..
                        }
                    )
                })
            })
        })
    }

    /// The program cannot show the virtual clock's value at all: it never reads the clock
    /// (`time.Now`, `time.Since`, `time.Until`, a context with a deadline, package `log`) and
    /// uses no time a timer's fire sends (`Program::uses_time_values`: it only drops what it
    /// receives from a timer's channel). Then the clock decides no outcome: under
    /// [`crate::rt::config::WakeOrder::AnyTimeUnbounded`] it orders no move (every sleeper may
    /// wake at any time; only whether a ticker's fire would drop its tick matters, which the
    /// channel tells), so a run under [`crate::rt::config::WakeOrder::Timeless`], its clock
    /// frozen, has the outcome of the same moves with the clock running.
    pub fn clock_hidden(&self) -> bool {
        !self.program.uses_time_values
            && !self.program.funcs.iter().any(|f| {
                f.code.iter().any(|i| match i {
                    Instr::CallLib { func, .. } | Instr::DeferLib { func, .. } => {
                        matches!(
                            func,
                            LibFunc::TimeNow
                                | LibFunc::TimeSince
                                | LibFunc::TimeUntil
                                | LibFunc::ContextDeadline
                                | LibFunc::ContextWithDeadline
                                | LibFunc::ContextWithTimeout
                        ) || func.spec().owner == crate::library::Owner::Package("log")
                    }
                    _ => false,
                })
            })
    }
}
