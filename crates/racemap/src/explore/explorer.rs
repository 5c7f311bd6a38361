//! A resumable systematic search: the DPOR search of [`super::dpor`] run a chunk of steps at a
//! time, so a caller with a frame budget (the browser's "Find a bug") can show progress between
//! chunks instead of freezing until the search ends.
//!
//! The search pauses only right before a step, with its whole state (the stack of machine
//! clones, the trace, the outcomes) kept in the [`Explorer`]; resuming continues the very same
//! depth-first search. A search run in chunks of any size therefore gives the same
//! [`ExploreResult`] as [`super::explore`] (which is one unbounded chunk), outcome order,
//! counts and schedules included.

use super::dpor::{DporConfig, Search, SearchStats};
use super::outcome::{ExploreResult, Outcome, SearchLimit};
use crate::target::Target;
use serde::Serialize;

/// A systematic exploration that runs a bounded number of steps per call to
/// [`Explorer::advance`].
#[derive(Clone, Debug)]
pub struct Explorer<T: Target> {
    /// The search, paused between two steps (or over).
    search: Search<T>,
    /// The search is over: every schedule explored, or a budget of the config reached.
    finished: bool,
}

/// Where a search stands: what the page shows while it runs, in the JSON shape
/// `{"executions", "total_steps", "finished", "race", "deadlock", "outcomes": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExploreProgress {
    /// Runs executed to their end so far.
    pub executions: u64,
    /// Steps made so far over all runs (what [`Explorer::advance`]'s budget counts).
    pub total_steps: u64,
    /// The search is over; [`Explorer::result`] is final.
    pub finished: bool,
    /// Some run so far had a data race.
    pub race: bool,
    /// Some run so far deadlocked.
    pub deadlock: bool,
    /// Distinct outcomes so far, in the order first seen: always a prefix of the final
    /// result's outcomes (their counts and schedules may still change).
    pub outcomes: Vec<Outcome>,
}

impl<T: Target> Explorer<T> {
    /// A search of `target`'s schedules within `config`'s bounds, not started yet (when
    /// `target` has already ended, its one run is recorded and the search is over).
    pub fn new(target: T, config: &DporConfig) -> Explorer<T> {
        let (search, finished) = Search::start(target, config);
        Explorer { search, finished }
    }

    /// Continue the search for at most `step_budget` more machine steps (counted like
    /// [`ExploreProgress::total_steps`]); `true` once the search is over (complete, or stopped
    /// by a budget of the config). A finished search stays finished: advancing it does
    /// nothing. A budget of 0 makes no step; it may still backtrack over states whose every
    /// move is explored, and so find that the search is over.
    pub fn advance(&mut self, step_budget: u64) -> bool {
        if !self.finished {
            let stop_at = self.search.total_steps().saturating_add(step_budget);
            self.finished = self.search.run(stop_at);
        }
        self.finished
    }

    /// The search is over.
    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Where the search stands now.
    pub fn progress(&self) -> ExploreProgress {
        let outcomes = self.search.outcomes();
        ExploreProgress {
            executions: outcomes.executions(),
            total_steps: self.search.total_steps(),
            finished: self.finished,
            race: outcomes.race(),
            deadlock: outcomes.deadlock(),
            outcomes: outcomes.outcomes(),
        }
    }

    /// What the search did so far: executions, sleep-set-blocked paths, steps.
    pub fn stats(&self) -> SearchStats {
        self.search.stats()
    }

    /// The result: what [`super::explore`] returns once the search is over; before that, the
    /// runs so far with `complete: false`.
    pub fn result(&self) -> ExploreResult {
        self.search.outcomes().result(self.limit())
    }

    /// [`Explorer::result`], consuming the explorer (no copy of the outcomes).
    pub fn into_result(self) -> ExploreResult {
        let limit = self.limit();
        self.search.into_outcomes().finish(limit)
    }

    /// What keeps the result from being complete: `None` once the search is over and skipped
    /// nothing.
    fn limit(&self) -> Option<SearchLimit> {
        match (self.finished, self.search.limit()) {
            (_, Some(limit)) => Some(limit),
            (false, None) => Some(SearchLimit::Unfinished),
            (true, None) => None,
        }
    }
}

/// The explorer of a Go program ([`Explorer::for_source`]).
pub type ProgramExplorer = Explorer<crate::rt::machine::Machine>;

impl ProgramExplorer {
    /// A search of the Go program `source` (named `prog.go`, compiled with `options`), each run
    /// limited to the config's `max_steps_per_execution`: what a front end needs without
    /// touching the runtime. A program that does not compile gives its diagnostics.
    pub fn for_source(
        source: &str,
        options: &crate::compile::CompileOptions,
        config: &DporConfig,
    ) -> Result<Self, Vec<crate::diag::Diagnostic>> {
        let program = std::rc::Rc::new(crate::compile::compile_with(
            source.as_bytes(),
            crate::compile::DEFAULT_FILE_NAME,
            options,
        )?);
        let machine = crate::rt::machine::Machine::new(
            program,
            crate::rt::config::Config {
                max_steps: config.max_steps_per_execution,
                ..crate::rt::config::Config::default()
            },
        );
        Ok(Explorer::new(machine, config))
    }
}

/// Explore the schedules of `target` systematically, in one go: an [`Explorer`] advanced to the
/// end.
pub fn explore<T: Target>(target: T, config: &DporConfig) -> ExploreResult {
    let mut explorer = Explorer::new(target, config);
    explorer.advance(u64::MAX);
    explorer.into_result()
}
