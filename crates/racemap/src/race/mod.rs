//! Happens-before data race detection (FastTrack over vector clocks, see [`detector`]) and
//! Go-format race reports ([`report`]).

pub mod detector;
pub mod report;
pub mod vclock;

pub use detector::{Detector, DetectorConfig};
pub use report::RaceReport;

#[cfg(test)]
mod tests;
