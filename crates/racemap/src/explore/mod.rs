//! Interleaving exploration: systematic DPOR with sleep sets ([`dpor`]), in one go or a chunk
//! of steps at a time ([`explorer`]), and sampling with random or PCT schedulers ([`sample`]),
//! all aggregating [`outcome`]s whose schedules the runner replays.

pub mod dpor;
pub mod explorer;
pub mod footprint;
pub mod machine;
pub mod outcome;
pub mod sample;
pub mod target;

pub use dpor::{explore, DporAlgorithm, DporConfig};
pub use explorer::{ExploreProgress, Explorer, ProgramExplorer};
pub use footprint::{CommutingClass, Footprint, Resource};
pub use outcome::{ExploreResult, Outcome};
pub use sample::{sample, SampleStrategy};
pub use target::{Ending, Target, EXIT_LIMIT};

#[cfg(test)]
mod soundness_tests;
#[cfg(test)]
mod tests;
