//! Happens-before data race detection (FastTrack over vector clocks, see [`detector`]) and
//! Go-format race reports ([`report`]).

pub mod canonical;
pub mod detector;
pub mod report;
pub mod vclock;

pub use canonical::{LockGuards, WaitGroupDones};
pub use detector::{Detector, DetectorConfig};
pub use report::RaceReport;

#[cfg(test)]
mod tests;
