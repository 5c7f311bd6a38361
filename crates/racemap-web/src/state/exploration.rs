//! The state of "Find a bug": idle, searching (with its progress), or done — complete, stopped
//! at its budget (then "Search further" offers a 10× larger one), or stopped by the user; and
//! how the reducer moves between them (reports of a search that is not the running one are
//! dropped).

use racemap::explore::{ExploreProgress, ExploreResult, SearchLimit};

use super::Shared;

/// Runs a first "Find a bug" search may make (the core's default budget).
pub const EXPLORE_BUDGET: u64 = 10_000;

/// The largest budget "Search further" offers.
pub const MAX_EXPLORE_BUDGET: u64 = 1_000_000;

/// Runs per second of a search that made `executions` runs in `elapsed_ms` (none from 0 ms).
pub fn runs_per_second(executions: u64, elapsed_ms: u64) -> Option<u64> {
    (elapsed_ms > 0).then(|| executions.saturating_mul(1000) / elapsed_ms)
}

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
        /// Milliseconds from its start to `progress` (the worker's clock; 0 before).
        elapsed_ms: u64,
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
    /// Search `generation` made `progress` in `elapsed_ms`; `None` when that is not the running
    /// search (a stale report).
    pub fn progress(
        &self,
        generation: u64,
        progress: ExploreProgress,
        elapsed_ms: u64,
    ) -> Option<Exploration> {
        match self {
            Exploration::Running {
                generation: g,
                budget,
                ..
            } if *g == generation => Some(Exploration::Running {
                generation,
                budget: *budget,
                progress: Some(Shared::new(progress)),
                elapsed_ms,
            }),
            _ => None,
        }
    }

    /// Search `generation` finished with `result`; `None` when that is not the running search.
    pub fn finished(&self, generation: u64, result: ExploreResult) -> Option<Exploration> {
        match self {
            Exploration::Running {
                generation: g,
                budget,
                ..
            } if *g == generation => Some(Exploration::Done {
                result: Shared::new(result),
                budget: *budget,
                stopped: false,
            }),
            _ => None,
        }
    }

    /// The user stopped the running search: what it found so far, or nothing before its first
    /// progress; `None` when no search is running.
    pub fn stop(&self) -> Option<Exploration> {
        let Exploration::Running {
            progress, budget, ..
        } = self
        else {
            return None;
        };
        Some(match progress {
            Some(p) => Exploration::Done {
                result: Shared::new(ExploreResult {
                    complete: false,
                    limit: Some(SearchLimit::Unfinished),
                    executions: p.executions,
                    race: p.race,
                    deadlock: p.deadlock,
                    outcomes: p.outcomes.clone(),
                }),
                budget: *budget,
                stopped: true,
            },
            None => Exploration::Idle,
        })
    }

    /// Runs per second so far, while searching (after the first progress report).
    pub fn runs_per_second(&self) -> Option<u64> {
        match self {
            Exploration::Running {
                progress: Some(p),
                elapsed_ms,
                ..
            } => runs_per_second(p.executions, *elapsed_ms),
            _ => None,
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    fn progress(executions: u64) -> ExploreProgress {
        ExploreProgress {
            executions,
            total_steps: executions * 10,
            finished: false,
            race: false,
            deadlock: false,
            outcomes: Vec::new(),
        }
    }

    #[test]
    fn progress_of_the_running_search_gives_runs_per_second_and_a_stale_one_is_dropped() {
        let running = Exploration::Running {
            generation: 3,
            budget: EXPLORE_BUDGET,
            progress: None,
            elapsed_ms: 0,
        };
        assert_eq!(running.runs_per_second(), None, "no rate before a report");
        assert_eq!(
            running.progress(2, progress(5), 10),
            None,
            "an older search"
        );
        let moved = running
            .progress(3, progress(1_500), 500)
            .expect("the running search");
        assert_eq!(moved.runs_per_second(), Some(3_000));
        let at_zero = running
            .progress(3, progress(7), 0)
            .expect("the running search");
        assert_eq!(at_zero.runs_per_second(), None, "no rate from 0 ms");
        let stopped = moved.stop().expect("running");
        assert!(matches!(
            stopped,
            Exploration::Done { stopped: true, ref result, .. } if result.executions == 1_500
        ));
        assert_eq!(stopped.stop(), None, "nothing to stop");
        assert_eq!(stopped.runs_per_second(), None);
    }
}
