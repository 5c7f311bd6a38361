//! Interleaving exploration: systematic DPOR with sleep sets ([`dpor`]) and sampling with random
//! or PCT schedulers ([`sample`]), both aggregating [`outcome`]s whose schedules the runner
//! replays.

pub mod dpor;
pub mod footprint;
pub mod machine;
pub mod outcome;
pub mod sample;
pub mod target;

pub use dpor::{explore, DporAlgorithm, DporConfig};
pub use footprint::{CommutingClass, Footprint, Resource};
pub use outcome::{ExploreResult, Outcome};
pub use sample::{sample, SampleStrategy};
pub use target::{Ending, Target, EXIT_LIMIT};

#[cfg(test)]
mod tests;
