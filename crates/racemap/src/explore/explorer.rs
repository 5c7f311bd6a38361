//! A resumable systematic search: the stateful search of `super::stateful` or the DPOR search
//! of [`super::dpor`], run a chunk of steps at a time, so a caller with a frame budget (the
//! browser's "Find a bug") can show progress between chunks instead of freezing until the
//! search ends.
//!
//! [`SearchAlgorithm`] picks the search. By default, where the stateful search applies, the two
//! run **side by side** (a portfolio: turns of a fixed number of steps each, the stateful
//! search first, its first turn [`first_stateful_turn`] short), since
//! neither wins everywhere: DPOR explores one run per Mazurkiewicz trace and wins where few
//! orders matter (the article's Cache), the stateful search merges equal states and wins where
//! lock orders multiply DPOR's runs (the mutex and channel presets). The first one over decides:
//! - the stateful search complete: its result, with DPOR's runs so far added;
//! - DPOR complete: its result, and the stateful search goes on as a **check** of it within a
//!   steps budget of its own, adding any outcome DPOR missed (DPOR's race analysis is subtle
//!   and has missed outcomes before; the stateful search does not depend on it); DPOR's verdict
//!   stands when the check gives up or reaches its budget;
//! - DPOR at its share of the executions budget or at its steps budget: the stateful search
//!   goes on alone (within its own steps budget), with DPOR's runs;
//! - the stateful search giving up (a cycle) or at a budget: DPOR goes on alone, with its runs.
//!
//! A program the stateful search completes within its short first turn gets its result, and
//! DPOR makes no step: a complete stateful search needs no check, and a DPOR search with a
//! check would cost DPOR's steps and the check's (about a state per step; a DPOR step costs
//! several). The first turn is [`CHECK_MIN_STEPS`] long, the smallest check of a complete DPOR
//! search, so a program DPOR completes within its first turn costs what it did with DPOR first:
//! DPOR's steps and at most the check's budget.
//!
//! The search pauses only right before a step, with its whole state (the stack of machine
//! clones, the trace, the outcomes, whose turn it is) kept in the [`Explorer`]; resuming
//! continues the very same search. A search run in chunks of any size therefore gives the same
//! [`ExploreResult`] as [`super::explore`] (which is one unbounded chunk), outcome order,
//! counts and schedules included.

use super::dpor::{DporConfig, Search, SearchAlgorithm, SearchStats};
use super::outcome::{ExploreResult, Outcome, OutcomeSet, SearchLimit};
use super::stateful::{Stateful, Step};
use crate::target::Target;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

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
pub(super) fn check_budget(dpor_steps: u64, config: &DporConfig) -> u64 {
    dpor_steps
        .saturating_mul(4)
        .max(CHECK_MIN_STEPS)
        .min(config.max_total_steps)
}

/// The steps budget of the stateful search going on alone after DPOR, beside it, used its
/// share of the executions budget in `dpor_steps` steps (`Stateful::alone_after`): the other
/// share at DPOR's rate, as generous as the check of a complete DPOR search
/// ([`check_budget`]), so that a program whose runs DPOR cannot finish (a goroutine bomb)
/// ends about when DPOR's share does and names `--max-executions`, while one whose states
/// the stateful search covers soon (lock orders that multiply DPOR's runs) still completes.
pub(super) fn alone_budget(dpor_steps: u64, config: &DporConfig) -> u64 {
    check_budget(dpor_steps, config)
}

/// The smallest steps budget of the stateful check of a complete DPOR search (about a tenth of
/// a second): small programs are checked completely.
pub const CHECK_MIN_STEPS: u64 = 50_000;

/// The root and the config a later phase starts from.
type Root<T> = Box<(T, DporConfig)>;

/// The steps of the stateful search's first turn beside DPOR, which comes before DPOR's first
/// (see the module docs): [`CHECK_MIN_STEPS`], at most a turn of the config's.
pub(super) fn first_stateful_turn(config: &DporConfig) -> u64 {
    config.turn_steps.1.clamp(1, CHECK_MIN_STEPS)
}

/// Steps DPOR makes per turn while it runs beside the stateful search (the default of
/// [`DporConfig::turn_steps`]).
pub const DPOR_TURN_STEPS: u64 = 10_000;

/// Steps the stateful search makes per turn beside DPOR (the default of
/// [`DporConfig::turn_steps`]): enough for the presets at 4 goroutines × 3 operations and the
/// article's Cache (100 000 to 260 000 steps, 2026-12-05) to finish in the first turn after
/// DPOR's first, where DPOR's runs would only add time; a state costs about a DPOR step.
pub const STATEFUL_TURN_STEPS: u64 = 300_000;

/// DPOR and the stateful search side by side, in turns (see the module docs).
#[derive(Clone, Debug)]
struct SideBySide<T: Target> {
    /// DPOR, within its share of the executions budget ([`DporConfig::dpor_share`]).
    dpor: Search<T>,
    /// The stateful search of the same root, within the whole budget.
    stateful: Stateful<T>,
    /// The root and the config.
    root: Root<T>,
    /// It is DPOR's turn (else the stateful search's).
    dpor_turn: bool,
    /// Steps left in this turn. Invariant: at most the turn's length.
    turn_left: u64,
}

impl<T: Target> SideBySide<T> {
    /// The runs of both searches so far: DPOR's, then the stateful search's.
    fn outcomes(&self) -> OutcomeSet {
        let mut all = self.dpor.outcomes().clone();
        all.absorb(self.stateful.outcomes());
        all
    }
}

/// What one turn of [`SideBySide`] came to.
enum TurnEnd {
    /// The caller's budget is spent; the search goes on at the next call.
    Paused,
    /// The turn is over; the other search's is next.
    Turn,
    /// DPOR is over (complete or at a limit).
    DporOver,
    /// The stateful search is over or gave up.
    StatefulOver(Step),
}

/// The search an [`Explorer`] runs.
#[derive(Clone, Debug)]
enum Engine<T: Target> {
    /// DPOR alone.
    Dpor(Search<T>),
    /// The stateful search, with the root DPOR starts from if it gives up.
    Stateful(Box<Stateful<T>>, Root<T>),
    /// Both side by side. Invariant: `Some`, except inside [`Explorer::advance`] while it
    /// moves them to the next phase.
    Both(Option<Box<SideBySide<T>>>),
}

impl<T: Target> Engine<T> {
    fn outcomes(&self) -> Cow<'_, OutcomeSet> {
        match self {
            Engine::Dpor(s) => Cow::Borrowed(s.outcomes()),
            Engine::Stateful(s, _) => Cow::Borrowed(s.outcomes()),
            Engine::Both(b) => Cow::Owned(b.as_ref().map(|b| b.outcomes()).unwrap_or_default()),
        }
    }

    fn total_steps(&self) -> u64 {
        match self {
            Engine::Dpor(s) => s.total_steps(),
            Engine::Stateful(s, _) => s.total_steps(),
            Engine::Both(b) => b
                .as_ref()
                .map_or(0, |b| b.dpor.total_steps() + b.stateful.total_steps()),
        }
    }

    fn stats(&self) -> SearchStats {
        match self {
            Engine::Dpor(s) => s.stats(),
            Engine::Stateful(s, _) => s.stats(),
            Engine::Both(b) => b.as_ref().map_or_else(SearchStats::default, |b| {
                let (d, st) = (b.dpor.stats(), b.stateful.stats());
                SearchStats {
                    executions: d.executions + st.executions,
                    total_steps: d.total_steps + st.total_steps,
                    states: st.states,
                    revisits: st.revisits,
                    ..d
                }
            }),
        }
    }

    fn limit(&self) -> Option<SearchLimit> {
        match self {
            Engine::Dpor(s) => s.limit(),
            Engine::Stateful(s, _) => s.limit(),
            Engine::Both(_) => None,
        }
    }

    fn into_outcomes(self) -> OutcomeSet {
        match self {
            Engine::Dpor(s) => s.into_outcomes(),
            Engine::Stateful(s, _) => s.into_outcomes(),
            Engine::Both(b) => b.map(|b| b.outcomes()).unwrap_or_default(),
        }
    }
}

/// Where a search stands: what the page shows while it runs, in the JSON shape
/// `{"executions", "total_steps", "finished", "race", "deadlock", "outcomes": [...]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
                let (dpor, finished) = Search::start(target.clone(), &first);
                if finished {
                    // A final root: its one run is recorded, the search is over.
                    (Engine::Dpor(dpor), true)
                } else {
                    let stateful = Stateful::start(target, config, OutcomeSet::new());
                    let both = SideBySide {
                        dpor,
                        stateful,
                        root: plan,
                        dpor_turn: false,
                        turn_left: first_stateful_turn(config),
                    };
                    (Engine::Both(Some(Box::new(both))), false)
                }
            }
            _ => {
                let (search, finished) = Search::start(target, config);
                (Engine::Dpor(search), finished)
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
                Engine::Both(slot) => {
                    let Some(both) = slot.as_mut() else {
                        self.finished = true;
                        break;
                    };
                    match Explorer::turn(both, &mut left) {
                        TurnEnd::Paused => return false,
                        TurnEnd::Turn => continue,
                        end => {
                            let Some(both) = slot.take() else {
                                self.finished = true;
                                break;
                            };
                            self.after_side_by_side(*both, end)
                        }
                    }
                }
                Engine::Dpor(search) => {
                    if !search.run(before.saturating_add(left)) {
                        return false;
                    }
                    self.finished = true;
                    break;
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
                            Engine::Dpor(dpor)
                        }
                    }
                }
            };
            self.search = next;
        }
        self.finished
    }

    /// Run the search whose turn it is, within the turn and the caller's budget `left`.
    fn turn(both: &mut SideBySide<T>, left: &mut u64) -> TurnEnd {
        if both.turn_left == 0 {
            both.dpor_turn = !both.dpor_turn;
            let (dpor_turn, stateful_turn) = both.root.1.turn_steps;
            both.turn_left = if both.dpor_turn {
                dpor_turn
            } else {
                stateful_turn
            }
            .max(1);
        }
        let slice = (*left).min(both.turn_left);
        let (used, end) = if both.dpor_turn {
            let before = both.dpor.total_steps();
            let over = both.dpor.run(before.saturating_add(slice));
            let used = both.dpor.total_steps() - before;
            (used, over.then_some(TurnEnd::DporOver))
        } else {
            let before = both.stateful.total_steps();
            let step = both.stateful.run(before.saturating_add(slice));
            let used = both.stateful.total_steps() - before;
            (
                used,
                (step != Step::Paused).then_some(TurnEnd::StatefulOver(step)),
            )
        };
        *left -= used.min(*left);
        both.turn_left -= used.min(both.turn_left);
        match end {
            Some(end) => end,
            None if *left == 0 => TurnEnd::Paused,
            // A search that stops short of its slice ends its turn (each step counts one, so
            // it does not happen; this keeps the loop finite if it did).
            None => {
                both.turn_left = 0;
                TurnEnd::Turn
            }
        }
    }

    /// The phase after the side-by-side search ended with `end` (see the module docs).
    fn after_side_by_side(&mut self, both: SideBySide<T>, end: TurnEnd) -> Engine<T> {
        let SideBySide {
            mut dpor,
            mut stateful,
            root,
            ..
        } = both;
        match end {
            TurnEnd::DporOver if dpor.limit().is_none() => {
                // DPOR complete: the stateful search goes on as its check.
                let budget = check_budget(dpor.total_steps(), &root.1);
                self.earlier_steps += dpor.total_steps();
                let check = stateful.into_check(dpor.into_outcomes(), budget);
                self.checking = true;
                self.finished = check.over() || check.total_steps() >= budget;
                Engine::Stateful(Box::new(check), root)
            }
            TurnEnd::DporOver
                if matches!(
                    dpor.limit(),
                    Some(
                        SearchLimit::MaxExecutions
                            | SearchLimit::MaxTotalSteps
                            | SearchLimit::EarlyTicks
                            | SearchLimit::Fairness
                    )
                ) =>
            {
                // DPOR at its share of the runs or at its steps budget (its replays count), or
                // at a bound the stateful search does not need (it lets tickers fire early
                // without bound and a goroutine go on at once after `runtime.Gosched`): the
                // stateful search goes on alone, within its own (after DPOR's share of the
                // runs, within the other share: `alone_budget`).
                self.earlier_steps += dpor.total_steps();
                let stateful = if dpor.limit() == Some(SearchLimit::MaxExecutions) {
                    stateful.alone_after(dpor.outcomes(), alone_budget(dpor.total_steps(), &root.1))
                } else {
                    let mut stateful = stateful;
                    stateful.absorb(dpor.outcomes());
                    stateful
                };
                Engine::Stateful(Box::new(stateful), root)
            }
            TurnEnd::DporOver => {
                // DPOR stopped by another bound: its verdict.
                self.earlier_steps += stateful.total_steps();
                dpor.absorb(stateful.outcomes());
                self.finished = true;
                Engine::Dpor(dpor)
            }
            TurnEnd::StatefulOver(Step::Over) if stateful.limit().is_none() => {
                // The stateful search complete: its result.
                self.earlier_steps += dpor.total_steps();
                stateful.absorb(dpor.outcomes());
                self.finished = true;
                Engine::Stateful(Box::new(stateful), root)
            }
            _ => {
                // The stateful search gave up or reached a budget: DPOR goes on alone, with
                // the whole executions budget.
                self.earlier_steps += stateful.total_steps();
                dpor.absorb(stateful.outcomes());
                dpor.set_max_executions(root.1.max_executions);
                Engine::Dpor(dpor)
            }
        }
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
