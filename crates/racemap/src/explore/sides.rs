//! The two sides of the side-by-side search on two workers, each a resumable state machine
//! advanced a slice of steps at a time: [`DporSide`] (DPOR, within its share of the executions
//! budget, one turn ahead) and [`StatefulSide`] (the stateful search, within the whole budget).
//! Each takes the coordinator's commands ([`super::coordinator`]) and, once a command's work is
//! done, gives its reply. [`super::parallel`] runs each on a thread; the page runs each in a Web
//! Worker, a slice between two looks at its messages. The slices' sizes never change a reply:
//! a search paused before a step resumes as the same search.

use super::coordinator::{DporTurn, FromDpor, FromStateful, StatefulTurn, ToDpor, ToStateful};
use super::dpor::{DporConfig, Search, SearchAlgorithm};
use super::explorer::{alone_budget, check_budget, first_stateful_turn, AUTO_STATEFUL_BUDGET};
use super::outcome::{OutcomeSet, SearchLimit};
use super::stateful::{Stateful, Step};
use crate::target::Target;

/// Whether the default search of `root` under `config` runs side by side on two workers (else
/// it is [`super::explore`] on one): the stateful search applies, the budget allows it, and the
/// root is not final.
pub fn side_by_side<T: Target>(root: &T, config: &DporConfig) -> bool {
    config.search == SearchAlgorithm::Auto
        && config.max_executions >= AUTO_STATEFUL_BUDGET
        && Stateful::applies(root, config)
        && !Search::start(root.clone(), &dpor_config(config)).1
}

/// DPOR's config beside the stateful search: its share of the executions budget.
fn dpor_config(config: &DporConfig) -> DporConfig {
    DporConfig {
        max_executions: config.dpor_share(),
        ..config.clone()
    }
}

/// What the DPOR side is doing.
enum DporWork {
    /// Waiting for a command.
    Idle,
    /// A turn, to this many steps (or to a cancel).
    Turn(u64),
    /// Going on alone (from its copy) to the end.
    Alone,
    /// Over: it has given its runs.
    Done,
}

/// The DPOR side.
pub struct DporSide<T: Target> {
    /// The search. Invariant: `Some` until the side has given its runs.
    search: Option<Search<T>>,
    /// The search as it was at the end of its last confirmed turn.
    copy: Option<Search<T>>,
    /// The whole config.
    config: DporConfig,
    /// What it is doing.
    work: DporWork,
    /// The running turn is cancelled.
    cancelled: bool,
}

impl<T: Target> DporSide<T> {
    /// DPOR of `root` within its share of `config`'s executions budget, waiting for a command.
    pub fn new(root: T, config: &DporConfig) -> DporSide<T> {
        let (search, _) = Search::start(root, &dpor_config(config));
        DporSide {
            search: Some(search),
            copy: None,
            config: config.clone(),
            work: DporWork::Idle,
            cancelled: false,
        }
    }

    /// Take the coordinator's command; its reply comes from [`DporSide::advance`] (at once for
    /// a command with nothing to run).
    pub fn command(&mut self, command: ToDpor) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        self.cancelled = false;
        match command {
            ToDpor::Turn => {
                self.copy = Some(search.clone());
                let turn = self.config.turn_steps.0.max(1);
                self.work = DporWork::Turn(search.total_steps().saturating_add(turn));
            }
            ToDpor::RunsAtCopy => {
                if let Some(copy) = self.copy.take() {
                    *search = copy;
                }
                // The copy's runs with no limit: the stateful search is complete.
                self.work = DporWork::Done;
            }
            ToDpor::AloneFromCopy(theirs) => {
                if let Some(copy) = self.copy.take() {
                    *search = copy;
                }
                search.absorb(&theirs);
                search.set_max_executions(self.config.max_executions);
                self.work = DporWork::Alone;
            }
            ToDpor::Finish(theirs) => {
                if let Some(theirs) = theirs {
                    search.absorb(&theirs);
                }
                self.work = DporWork::Done;
            }
        }
    }

    /// Cancel the running turn (its work will never be used): it ends at the next
    /// [`DporSide::advance`].
    pub fn cancel(&mut self) {
        self.cancelled = true;
    }

    /// Work at most about `steps` steps on the current command: its reply once done.
    pub fn advance(&mut self, steps: u64) -> Option<FromDpor> {
        let search = self.search.as_mut()?;
        match self.work {
            DporWork::Idle => None,
            DporWork::Turn(end) => {
                let stop = end.min(search.total_steps().saturating_add(steps.max(1)));
                let over = search.run(stop);
                if !(over || stop == end || self.cancelled) {
                    return None;
                }
                self.work = DporWork::Idle;
                Some(FromDpor::Turn(DporTurn {
                    over,
                    limit: search.limit(),
                    steps: search.total_steps(),
                }))
            }
            DporWork::Alone => {
                if !search.run(search.total_steps().saturating_add(steps.max(1))) {
                    return None;
                }
                self.give()
            }
            DporWork::Done => self.give(),
        }
    }

    /// The search's runs and what stopped it (the coordinator reads the limit only where it is
    /// the result's).
    fn give(&mut self) -> Option<FromDpor> {
        let search = self.search.take()?;
        let limit = search.limit();
        self.work = DporWork::Done;
        Some(FromDpor::Runs(search.into_outcomes(), limit))
    }

    /// The runs so far (none once given).
    pub fn outcomes(&self) -> Option<&OutcomeSet> {
        self.search.as_ref().map(Search::outcomes)
    }

    /// Steps so far.
    pub fn total_steps(&self) -> u64 {
        self.search.as_ref().map_or(0, Search::total_steps)
    }
}

/// What the stateful side is doing.
enum StatefulWork<T: Target> {
    /// Waiting for a command.
    Idle,
    /// A turn, to this many steps.
    Turn(u64),
    /// Checking DPOR's complete search, to the end of its budget.
    Check,
    /// Going on alone to the end (DPOR from the root if it gives up).
    Alone,
    /// DPOR from the root after the stateful search gave up, alone, to the end.
    Dpor(Search<T>),
    /// Its runs are ready.
    Give(Option<SearchLimit>),
}

/// The stateful side.
pub struct StatefulSide<T: Target> {
    /// The search. Invariant: `Some` until the side has given its runs.
    search: Option<Stateful<T>>,
    /// The root, for DPOR after the stateful search gives up alone.
    root: T,
    /// The config.
    config: DporConfig,
    /// Steps of its next turn (its first one is short).
    turn: u64,
    /// What it is doing.
    work: StatefulWork<T>,
}

impl<T: Target> StatefulSide<T> {
    /// The stateful search of `root` within `config`'s whole budget, waiting for a command.
    pub fn new(root: T, config: &DporConfig) -> StatefulSide<T> {
        StatefulSide {
            search: Some(Stateful::start(root.clone(), config, OutcomeSet::new())),
            root,
            config: config.clone(),
            turn: first_stateful_turn(config),
            work: StatefulWork::Idle,
        }
    }

    /// Take the coordinator's command; its reply comes from [`StatefulSide::advance`].
    pub fn command(&mut self, command: ToStateful) {
        let Some(search) = self.search.take() else {
            return;
        };
        let (search, work) = match command {
            ToStateful::Turn => {
                let end = search.total_steps().saturating_add(self.turn);
                self.turn = self.config.turn_steps.1.max(1);
                (search, StatefulWork::Turn(end))
            }
            ToStateful::Check(dpor, dpor_steps) => {
                let budget = check_budget(dpor_steps, &self.config);
                let check = search.into_check(dpor, budget);
                let work = if check.over() || check.total_steps() >= budget {
                    StatefulWork::Give(None)
                } else {
                    StatefulWork::Check
                };
                (check, work)
            }
            ToStateful::Alone(dpor, None) => {
                let mut search = search;
                search.absorb(&dpor);
                (search, StatefulWork::Alone)
            }
            ToStateful::Alone(dpor, Some(dpor_steps)) => {
                let budget = alone_budget(dpor_steps, &self.config);
                (search.alone_after(&dpor, budget), StatefulWork::Alone)
            }
            ToStateful::Finish(dpor) => {
                let mut search = search;
                search.absorb(&dpor);
                let limit = search.limit();
                (search, StatefulWork::Give(limit))
            }
            ToStateful::Give => (search, StatefulWork::Give(None)),
        };
        self.search = Some(search);
        self.work = work;
    }

    /// Work at most about `steps` steps on the current command: its reply once done.
    pub fn advance(&mut self, steps: u64) -> Option<FromStateful> {
        let steps = steps.max(1);
        match std::mem::replace(&mut self.work, StatefulWork::Idle) {
            StatefulWork::Idle => None,
            StatefulWork::Turn(end) => {
                let search = self.search.as_mut()?;
                let stop = end.min(search.total_steps().saturating_add(steps));
                let step = search.run(stop);
                let turn = match step {
                    Step::Paused if stop < end => {
                        self.work = StatefulWork::Turn(end);
                        return None;
                    }
                    Step::Paused => StatefulTurn::Paused,
                    Step::Over => StatefulTurn::Over,
                    Step::Abandon(_) => StatefulTurn::GaveUp,
                };
                Some(FromStateful::Turn(turn, search.limit()))
            }
            StatefulWork::Check => {
                let search = self.search.as_mut()?;
                if search.run(search.total_steps().saturating_add(steps)) == Step::Paused {
                    self.work = StatefulWork::Check;
                    return None;
                }
                self.give(None)
            }
            StatefulWork::Alone => {
                let search = self.search.as_mut()?;
                match search.run(search.total_steps().saturating_add(steps)) {
                    Step::Paused => {
                        self.work = StatefulWork::Alone;
                        None
                    }
                    Step::Abandon(_) => {
                        // DPOR from the root, the runs found so far kept.
                        let found = self.search.as_ref()?.outcomes().clone();
                        let (dpor, finished) =
                            Search::start_with(self.root.clone(), &self.config, found);
                        if finished {
                            let limit = dpor.limit();
                            self.search = None;
                            return Some(FromStateful::Runs(dpor.into_outcomes(), limit));
                        }
                        self.work = StatefulWork::Dpor(dpor);
                        None
                    }
                    Step::Over => {
                        let limit = search.limit();
                        self.give(limit)
                    }
                }
            }
            StatefulWork::Dpor(mut dpor) => {
                if !dpor.run(dpor.total_steps().saturating_add(steps)) {
                    self.work = StatefulWork::Dpor(dpor);
                    return None;
                }
                self.search = None;
                let limit = dpor.limit();
                Some(FromStateful::Runs(dpor.into_outcomes(), limit))
            }
            StatefulWork::Give(limit) => self.give(limit),
        }
    }

    /// The search's runs, with `limit`.
    fn give(&mut self, limit: Option<SearchLimit>) -> Option<FromStateful> {
        let search = self.search.take()?;
        Some(FromStateful::Runs(search.into_outcomes(), limit))
    }

    /// The runs so far (none once given).
    pub fn outcomes(&self) -> Option<&OutcomeSet> {
        match &self.work {
            StatefulWork::Dpor(dpor) => Some(dpor.outcomes()),
            _ => self.search.as_ref().map(Stateful::outcomes),
        }
    }

    /// Steps so far.
    pub fn total_steps(&self) -> u64 {
        match &self.work {
            StatefulWork::Dpor(dpor) => dpor.total_steps(),
            _ => self.search.as_ref().map_or(0, Stateful::total_steps),
        }
    }
}

/// The root of a search of the Go program `source` (named `prog.go`, compiled with
/// `options`), each run limited to the config's `max_steps_per_execution`, as
/// [`super::ProgramExplorer::for_source`] builds it: what a front end needs to make a side
/// without touching the runtime. A program that does not compile gives its diagnostics.
pub fn program_root(
    source: &str,
    options: &crate::compile::CompileOptions,
    config: &DporConfig,
) -> Result<crate::rt::machine::Machine, Vec<crate::diag::Diagnostic>> {
    let program = std::rc::Rc::new(crate::compile::compile_with(
        source.as_bytes(),
        crate::compile::DEFAULT_FILE_NAME,
        options,
    )?);
    Ok(crate::rt::machine::Machine::new(
        program,
        crate::rt::config::Config {
            max_steps: config.max_steps_per_execution,
            ..crate::rt::config::Config::default()
        },
    ))
}

/// The DPOR side of a Go program's search.
pub type ProgramDporSide = DporSide<crate::rt::machine::Machine>;

/// The stateful side of a Go program's search.
pub type ProgramStatefulSide = StatefulSide<crate::rt::machine::Machine>;
