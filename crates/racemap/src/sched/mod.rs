//! Schedulers: who moves next.
//!
//! A [`Scheduler`] is asked once per step to pick one of the machine's runnable [`Choice`]s
//! (goroutine + `select` alternative), given in the machine's deterministic order. Strategies,
//! one per file: [`manual`] (the caller decides, for the UI), [`random`] (seeded, splitmix64),
//! [`go_runtime`] (seeded, a model of Go's runtime scheduler: what seeded runs use),
//! [`round_robin`], [`replay`] (an encoded [`Schedule`], then a fallback) and [`pct`]
//! (probabilistic concurrency testing). None of them reads a clock or OS randomness: a
//! (program, scheduler, seed) triple always yields the same run.

pub mod choice;
pub mod go_runtime;
pub mod manual;
pub mod pct;
pub mod random;
pub mod replay;
pub mod round_robin;
pub mod schedule;

pub use choice::Choice;
pub use go_runtime::GoScheduler;
pub use manual::ManualScheduler;
pub use pct::{PctConfig, PctScheduler};
pub use random::{RandomScheduler, SplitMix64};
pub use replay::ReplayScheduler;
pub use round_robin::RoundRobinScheduler;
pub use schedule::{Schedule, ScheduleError};

/// Picks the next move.
pub trait Scheduler {
    /// Pick one of `choices` (non-empty, in the machine's order). `None` stops the run here
    /// (a manual scheduler waiting for the user, a replay without fallback that ran out).
    ///
    /// Invariant: a returned choice is an element of `choices`.
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice>;

    /// Learn the move made (picked by this scheduler or not) and its events. A scheduler that
    /// models the runtime's queues ([`GoScheduler`]) follows the run with it.
    fn observe(&mut self, _choice: Choice, _events: &[crate::rt::event::Event]) {}
}

impl<S: Scheduler + ?Sized> Scheduler for Box<S> {
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        (**self).pick(choices)
    }

    fn observe(&mut self, choice: Choice, events: &[crate::rt::event::Event]) {
        (**self).observe(choice, events)
    }
}

/// The distinct goroutines among `choices`, in order.
pub(crate) fn goroutines_of(choices: &[Choice]) -> Vec<crate::rt::event::Gid> {
    // A set, not `Vec::contains`: a program with thousands of live goroutines has thousands
    // of choices at every step.
    // Machines list the moves of virtual time in goroutine order: then a goroutine's moves
    // are adjacent.
    if choices.windows(2).all(|w| w[0].gid <= w[1].gid) {
        let mut out: Vec<crate::rt::event::Gid> = choices.iter().map(|c| c.gid).collect();
        out.dedup();
        return out;
    }
    let mut seen = std::collections::BTreeSet::new();
    choices
        .iter()
        .map(|c| c.gid)
        .filter(|g| seen.insert(*g))
        .collect()
}
