//! Interleaving exploration: optimal DPOR with wakeup trees and sleep sets ([`dpor`]) or a
//! stateful depth-first search with a visited set where it applies (`stateful`, chosen by
//! [`SearchAlgorithm`]), in one go or a chunk of steps at a time ([`explorer`]), and sampling
//! with random or PCT schedulers ([`sample`]), all aggregating [`outcome`]s whose schedules the
//! runner replays.

pub mod coordinator;
pub mod dpor;
pub mod explorer;
mod notes;
pub mod outcome;
#[cfg(not(target_arch = "wasm32"))]
pub mod parallel;
mod prefix;
pub mod sample;
pub mod sides;
mod stateful;
mod wakeup;

pub use crate::target::{
    CommutingClass, EarlyWake, Ending, Footprint, Overtake, QueueRule, Resource, Target, EXIT_LIMIT,
};
pub use dpor::{DporAlgorithm, DporConfig, SearchAlgorithm, SearchStats};
pub use explorer::{explore, ExploreProgress, Explorer, ProgramExplorer};
pub use outcome::{sleep_note, ExploreResult, Outcome, OutcomeKey, SearchLimit};
pub use sample::{sample, SampleStrategy};

#[cfg(test)]
mod bomb_tests;
#[cfg(test)]
mod queue_note_tests;
#[cfg(test)]
mod reduction_tests;
#[cfg(test)]
mod soundness_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod timer_cost_tests;
#[cfg(test)]
mod wait_index_mode_tests;
