//! A resumable systematic search: the stateful search of `super::stateful` or the DPOR search
//! of [`super::dpor`] ([`SearchAlgorithm`] picks: by default DPOR, then, if it
//! stops at its share of the executions budget, the stateful search where it applies; when DPOR
//! completes, the stateful search checks it within a steps budget of its own, adding any outcome
//! DPOR missed (DPOR's race analysis is subtle and has missed outcomes before; the stateful
//! search does not depend on it); DPOR takes over
//! from the root when the stateful search gives up; a later phase keeps the runs found before) run a chunk of steps at a time, so a caller with a frame budget (the browser's "Find a bug") can show progress between
//! chunks instead of freezing until the search ends.
//!
//! The search pauses only right before a step, with its whole state (the stack of machine
//! clones, the trace, the outcomes) kept in the [`Explorer`]; resuming continues the very same
//! depth-first search. A search run in chunks of any size therefore gives the same
//! [`ExploreResult`] as [`super::explore`] (which is one unbounded chunk), outcome order,
//! counts and schedules included.

use super::dpor::{DporConfig, Search, SearchAlgorithm, SearchStats};
use super::outcome::{ExploreResult, Outcome, OutcomeSet, SearchLimit};
use super::stateful::{Stateful, Step};
use crate::target::Target;
use serde::Serialize;

/// The smallest executions budget with which [`SearchAlgorithm::Auto`] may go on with the
/// stateful search: a smaller budget asks for that many runs (a quick look, e.g. the page's
/// first searches in a link with `budget=20`), and a stateful phase would spend the steps
/// budget on states, so such a search stays DPOR and its runs are what the budget says.
pub const AUTO_STATEFUL_BUDGET: u64 = 1_000;

/// A systematic exploration that runs a bounded number of steps per call to
/// [`Explorer::advance`].
#[derive(Clone, Debug)]
pub struct Explorer<T: Target> {
    /// The search, paused between two steps (or over).
    search: Engine<T>,
    /// The search is over: every schedule explored, or a budget of the config reached.
    finished: bool,
    /// Steps of earlier phases: the DPOR phase before [`SearchAlgorithm::Auto`] switched to
    /// the stateful search, a stateful search that gave up.
    earlier_steps: u64,
    /// The stateful search runs as a check of a complete DPOR search: DPOR's verdict (complete)
    /// stands when the check gives up or reaches its budget; outcomes it finds are added.
    checking: bool,
}

/// The steps budget of the stateful check of a complete DPOR search that made `dpor_steps`
/// steps: a few times DPOR's own, at least [`CHECK_MIN_STEPS`], at most the config's.
fn check_budget(dpor_steps: u64, config: &DporConfig) -> u64 {
    dpor_steps
        .saturating_mul(4)
        .max(CHECK_MIN_STEPS)
        .min(config.max_total_steps)
}

/// The smallest steps budget of the stateful check of a complete DPOR search (about a tenth of
/// a second): small programs are checked completely.
pub const CHECK_MIN_STEPS: u64 = 50_000;

/// The root and the config a later phase starts from.
type Root<T> = Box<(T, DporConfig)>;

/// The search an [`Explorer`] runs.
#[derive(Clone, Debug)]
enum Engine<T: Target> {
    /// DPOR; with the root to search states from if it stops at its executions budget (the
    /// first phase of [`SearchAlgorithm::Auto`], whose DPOR budget is
    /// [`DporConfig::stateful_after`]).
    Dpor(Search<T>, Option<Root<T>>),
    /// The stateful search, with the root DPOR starts from if it gives up.
    Stateful(Box<Stateful<T>>, Root<T>),
}

impl<T: Target> Engine<T> {
    fn outcomes(&self) -> &OutcomeSet {
        match self {
            Engine::Dpor(s, _) => s.outcomes(),
            Engine::Stateful(s, _) => s.outcomes(),
        }
    }

    fn total_steps(&self) -> u64 {
        match self {
            Engine::Dpor(s, _) => s.total_steps(),
            Engine::Stateful(s, _) => s.total_steps(),
        }
    }

    fn stats(&self) -> SearchStats {
        match self {
            Engine::Dpor(s, _) => s.stats(),
            Engine::Stateful(s, _) => s.stats(),
        }
    }

    fn limit(&self) -> Option<SearchLimit> {
        match self {
            Engine::Dpor(s, _) => s.limit(),
            Engine::Stateful(s, _) => s.limit(),
        }
    }

    fn into_outcomes(self) -> OutcomeSet {
        match self {
            Engine::Dpor(s, _) => s.into_outcomes(),
            Engine::Stateful(s, _) => s.into_outcomes(),
        }
    }
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
        let applies = config.search != SearchAlgorithm::Dpor && Stateful::applies(&target, config);
        let root = || Box::new((target.clone(), config.clone()));
        let (search, finished) = match config.search {
            SearchAlgorithm::Stateful if applies => {
                let search = Stateful::start(target.clone(), config, OutcomeSet::new());
                // A final root: its one run is recorded, the search is over.
                let finished = search.over();
                (Engine::Stateful(Box::new(search), root()), finished)
            }
            SearchAlgorithm::Auto if applies && config.max_executions >= AUTO_STATEFUL_BUDGET => {
                let first = DporConfig {
                    max_executions: config.dpor_share(),
                    ..config.clone()
                };
                let plan = root();
                let (search, finished) = Search::start(target, &first);
                (Engine::Dpor(search, Some(plan)), finished)
            }
            _ => {
                let (search, finished) = Search::start(target, config);
                (Engine::Dpor(search, None), finished)
            }
        };
        Explorer {
            search,
            finished,
            earlier_steps: 0,
            checking: false,
        }
    }

    /// Continue the search for at most `step_budget` more machine steps (counted like
    /// [`ExploreProgress::total_steps`]); `true` once the search is over (complete, or stopped
    /// by a budget of the config). A finished search stays finished: advancing it does
    /// nothing. A budget of 0 makes no step; it may still backtrack over states whose every
    /// move is explored, and so find that the search is over.
    pub fn advance(&mut self, step_budget: u64) -> bool {
        let mut left = step_budget;
        while !self.finished {
            let before = self.search.total_steps();
            let next = match &mut self.search {
                Engine::Dpor(search, plan) => {
                    let over = search.run(before.saturating_add(left));
                    left -= search.total_steps() - before;
                    if !over {
                        return false;
                    }
                    match plan.take() {
                        // DPOR stopped at the first phase's executions budget: search states,
                        // the runs found so far kept (so progress only grows).
                        Some(root) if search.limit() == Some(SearchLimit::MaxExecutions) => {
                            self.earlier_steps += search.total_steps();
                            let found = search.outcomes().clone();
                            let stateful = Stateful::start(root.0.clone(), &root.1, found);
                            Engine::Stateful(Box::new(stateful), root)
                        }
                        // DPOR completed: check it with the stateful search.
                        Some(root) if search.limit().is_none() => {
                            self.earlier_steps += search.total_steps();
                            let found = search.outcomes().clone();
                            let config = DporConfig {
                                max_total_steps: check_budget(search.total_steps(), &root.1),
                                ..root.1.clone()
                            };
                            let stateful =
                                Stateful::start(root.0.clone(), &config, found).check_only();
                            self.checking = true;
                            self.finished = stateful.over();
                            Engine::Stateful(Box::new(stateful), root)
                        }
                        _ => {
                            self.finished = true;
                            break;
                        }
                    }
                }
                Engine::Stateful(search, root) => {
                    let step = search.run(before.saturating_add(left));
                    left -= search.total_steps() - before;
                    match step {
                        Step::Over => {
                            self.finished = true;
                            break;
                        }
                        Step::Paused => return false,
                        // A check that gives up: DPOR's verdict stands.
                        Step::Abandon(_) if self.checking => {
                            self.finished = true;
                            break;
                        }
                        Step::Abandon(_) => {
                            // DPOR from the root, the runs found so far kept.
                            self.earlier_steps += search.total_steps();
                            let found = search.outcomes().clone();
                            let (dpor, finished) =
                                Search::start_with(root.0.clone(), &root.1, found);
                            self.finished = finished;
                            Engine::Dpor(dpor, None)
                        }
                    }
                }
            };
            self.search = next;
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
            total_steps: self.earlier_steps + self.search.total_steps(),
            finished: self.finished,
            race: outcomes.race(),
            deadlock: outcomes.deadlock(),
            outcomes: outcomes.outcomes(),
        }
    }

    /// What the search did so far: executions, sleep-set-blocked paths, steps.
    pub fn stats(&self) -> SearchStats {
        let stats = self.search.stats();
        SearchStats {
            total_steps: self.earlier_steps + stats.total_steps,
            earlier_steps: self.earlier_steps,
            ..stats
        }
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
        // A check of a complete DPOR search: DPOR's verdict, whatever stopped the check.
        if self.checking {
            return (!self.finished).then_some(SearchLimit::Unfinished);
        }
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
