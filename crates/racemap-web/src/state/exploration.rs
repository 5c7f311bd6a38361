//! The state of "Find a bug": idle, searching (with its progress), or done — complete, stopped
//! at its budget (then "Search further" offers a 10× larger one), or stopped by the user.

use racemap::explore::{ExploreProgress, ExploreResult, SearchLimit};

use super::Shared;

/// Runs a first "Find a bug" search may make (the core's default budget).
pub const EXPLORE_BUDGET: u64 = 10_000;

/// The largest budget "Search further" offers.
pub const MAX_EXPLORE_BUDGET: u64 = 1_000_000;

/// The explorer ("Find a bug").
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Exploration {
    /// Not started for this program.
    #[default]
    Idle,
    /// Searching; `generation` tells the explorer service which search this is.
    Running {
        /// Increases with every search started.
        generation: u64,
        /// Most runs this search makes.
        budget: u64,
        /// What it found so far.
        progress: Option<Shared<ExploreProgress>>,
    },
    /// Finished, stopped by its budget, or stopped by the user.
    Done {
        /// What it found.
        result: Shared<ExploreResult>,
        /// Most runs the search could make.
        budget: u64,
        /// The user pressed "Stop searching".
        stopped: bool,
    },
}

impl Exploration {
    /// The budget a "Search further" would use, when the search ended at its budget and a
    /// larger one is allowed.
    pub fn further_budget(&self) -> Option<u64> {
        match self {
            Exploration::Done {
                result,
                budget,
                stopped: false,
            } if !result.complete
                && result.limit != Some(SearchLimit::RunLimit)
                && result.limit != Some(SearchLimit::Fairness)
                && result.limit != Some(SearchLimit::EarlyTicks)
                && *budget < MAX_EXPLORE_BUDGET =>
            {
                Some((budget * 10).min(MAX_EXPLORE_BUDGET))
            }
            _ => None,
        }
    }
}
