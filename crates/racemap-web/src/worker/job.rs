//! One search of the explorer worker, advanced a slice at a time: a "Find a bug" search is the
//! core's resumable [`ProgramExplorer`], or on two workers one side of it (`racemap::explore::
//! sides`: it says first whether the search runs side by side, then makes each command of the
//! page's coordinator and waits for the next); a comparison row first makes its seeded
//! contention runs (one per slice), then explores; a warm-up searches the strategies' small
//! programs and reports nothing but its end. Pure: no clock, no browser — the worker's loop
//! ([`super`]) decides when to advance and when to report.

use racemap::compile::CompileOptions;
use racemap::explore::coordinator::{FromDpor, FromStateful, ToDpor, ToStateful};
use racemap::explore::outcome::OutcomeSet;
use racemap::explore::sides::{self, ProgramDporSide, ProgramStatefulSide};
use racemap::explore::{DporConfig, ExploreProgress, ProgramExplorer, SearchAlgorithm};
use racemap::playback::contention::{self, Contention};
use racemap::strategies::{Strategy, Workload};

use super::protocol::{Report, Side, Task};

/// A search in progress.
pub struct Job {
    /// Where it stands.
    phase: Phase,
    /// A report to give before any work (a side's [`Report::Sides`]).
    first: Option<Report>,
    /// A side waits for the coordinator's next command.
    waiting: bool,
    /// The job has given its final report.
    over: bool,
}

/// The phases of a search.
enum Phase {
    /// A comparison row measuring contention: seeded run `seed` is next.
    Contention {
        /// The program.
        source: String,
        /// The search that follows.
        explore: Box<(CompileOptions, DporConfig)>,
        /// The next seed.
        seed: u64,
        /// The last seed.
        runs: u64,
        /// Most steps per run.
        max_steps: u64,
        /// The runs measured so far.
        total: Contention,
    },
    /// Warming up: searching the programs of [`warm_up_searches`], the current one first.
    WarmUp {
        /// The searches still to make (source, compile options, bounds), the next one last.
        pending: Vec<(String, CompileOptions, DporConfig)>,
        /// The search being made.
        current: Option<Box<ProgramExplorer>>,
    },
    /// The DPOR side of "Find a bug" on two workers.
    Dpor(Box<ProgramDporSide>),
    /// The stateful side of "Find a bug" on two workers.
    Stateful(Box<ProgramStatefulSide>),
    /// Nothing left to do (the stateful side of a search that does not run side by side).
    Done,
    /// Exploring; `contention` is the row's figure for a comparison, `None` for "Find a bug".
    Exploring {
        /// The search.
        explorer: Box<ProgramExplorer>,
        /// The contention measured before, for a comparison row.
        contention: Option<Contention>,
    },
}

/// The explorer's bounds for a search of at most `budget` runs of at most `max_steps` steps: the
/// step budget grows with the run budget, as in the core's defaults, and is never under a tenth
/// of the default (it counts what DPOR replays to check reversals too: a budget of a few runs
/// is a number of runs, not of steps).
pub fn config(budget: u64, max_steps: u64) -> DporConfig {
    let defaults = DporConfig::default();
    let steps_per_run = defaults.max_total_steps / defaults.max_executions.max(1);
    DporConfig {
        max_steps_per_execution: max_steps,
        max_executions: budget,
        max_total_steps: budget
            .saturating_mul(steps_per_run)
            .max(defaults.max_total_steps / 10),
        ..defaults
    }
}

/// Most machine steps of each warm-up search.
pub const WARM_UP_STEPS: u64 = 12_000;

/// A warm-up search's config: the default one with `search`, stopped after [`WARM_UP_STEPS`].
fn warm_up_config(search: SearchAlgorithm) -> DporConfig {
    DporConfig {
        max_total_steps: WARM_UP_STEPS,
        search,
        ..DporConfig::default()
    }
}

/// The warm-up's searches: every strategy's program at 2 goroutines × 2 operations in the
/// default search (the stateful search completes them), and the mutex one at 3 × 2 by DPOR
/// alone, so that the code of both searches, the race detector and the runtime of every sync
/// object has run before the reader's first search. Each stops after [`WARM_UP_STEPS`] steps.
pub fn warm_up_searches() -> Vec<(String, DporConfig)> {
    let small = Workload {
        goroutines: 2,
        ops_per_goroutine: 2,
        ..Workload::default()
    };
    let bounded = warm_up_config;
    let mut searches: Vec<(String, DporConfig)> = Strategy::ALL
        .iter()
        .map(|strategy| (strategy.source(small), bounded(SearchAlgorithm::Auto)))
        .collect();
    let wider = Workload {
        goroutines: 3,
        ..small
    };
    searches.push((
        Strategy::Mutex.source(wider),
        bounded(SearchAlgorithm::Dpor),
    ));
    searches
}

/// Most passes of the warm-up (see [`WarmUpPasses`]).
pub const WARM_UP_MAX_PASSES: u32 = 6;

/// A warm-up pass is faster when it takes less than this fraction of the fastest before.
pub const WARM_UP_GAIN: f64 = 0.9;

/// The warm-up's passes of its searches: it makes another while they still get faster.
///
/// A browser runs a wasm function in a baseline compiler's code at first and compiles the hot
/// ones again, optimized, on background threads: the optimized code arrives after the searches
/// that made them hot, up to seconds later on a busy machine, and a search clicked meanwhile ran
/// at a third of the speed (`cargo xtask bench-web`, 2026-12-06: the mutex preset at 4 × 3 in
/// 0.85 s right after a warm-up of one pass, 0.23 s three seconds later). Two passes in a row
/// no faster than the fastest before by [`WARM_UP_GAIN`] mean the optimized code is in (one
/// alone may be a busy moment); [`WARM_UP_MAX_PASSES`] bounds the work on a machine too busy to
/// tell.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WarmUpPasses {
    /// Passes made.
    made: u32,
    /// The fastest pass's milliseconds.
    best_ms: Option<f64>,
    /// Passes in a row no faster than the fastest before.
    stale: u32,
}

impl WarmUpPasses {
    /// A pass of `ms` milliseconds ended: whether another follows.
    pub fn another(&mut self, ms: f64) -> bool {
        self.made += 1;
        match self.best_ms {
            Some(best) if ms >= best * WARM_UP_GAIN => self.stale += 1,
            _ => self.stale = 0,
        }
        self.best_ms = Some(self.best_ms.map_or(ms, |best| best.min(ms)));
        self.made < WARM_UP_MAX_PASSES && self.stale < 2
    }
}

/// The first diagnostic's message.
fn first_message(diagnostics: &[racemap::diag::Diagnostic]) -> String {
    diagnostics
        .first()
        .map_or_else(|| "does not compile".to_string(), |d| d.message.clone())
}

/// Where a progress report stands with these runs, `total_steps` steps.
fn progress_of(outcomes: &OutcomeSet, total_steps: u64) -> ExploreProgress {
    ExploreProgress {
        executions: outcomes.executions(),
        total_steps,
        finished: false,
        race: outcomes.race(),
        deadlock: outcomes.deadlock(),
        outcomes: outcomes.outcomes(),
    }
}

impl Job {
    /// A job in `phase`.
    fn at(phase: Phase) -> Job {
        Job {
            phase,
            first: None,
            waiting: false,
            over: false,
        }
    }

    /// The warm-up: a search of `program` (source and compile options) bounded like the
    /// others, if given, then [`warm_up_searches`]; it ends with [`Report::Warm`].
    pub fn warm_up(program: Option<&(String, CompileOptions)>) -> Job {
        let mut pending: Vec<(String, CompileOptions, DporConfig)> = program
            .map(|(source, options)| {
                (
                    source.clone(),
                    *options,
                    warm_up_config(SearchAlgorithm::Auto),
                )
            })
            .into_iter()
            .chain(
                warm_up_searches()
                    .into_iter()
                    .map(|(source, config)| (source, CompileOptions::default(), config)),
            )
            .collect();
        pending.reverse();
        Job::at(Phase::WarmUp {
            pending,
            current: None,
        })
    }

    /// The side `side` of a search of `source` on two workers: its first report says whether
    /// the search runs side by side (else the DPOR side explores alone).
    fn side(
        source: &str,
        options: &CompileOptions,
        config: &DporConfig,
        side: Side,
    ) -> Result<Job, Report> {
        let root = sides::program_root(source, options, config)
            .map_err(|d| Report::Failed(first_message(&d)))?;
        let parallel = sides::side_by_side(&root, config);
        let first = Report::Sides { parallel };
        let phase = match (parallel, side) {
            (true, Side::Dpor) => Phase::Dpor(Box::new(ProgramDporSide::new(root, config))),
            (true, Side::Stateful) => {
                Phase::Stateful(Box::new(ProgramStatefulSide::new(root, config)))
            }
            (false, Side::Dpor) => Phase::Exploring {
                explorer: Box::new(ProgramExplorer::new(root, config)),
                contention: None,
            },
            (false, Side::Stateful) => Phase::Done,
        };
        // A side waits for the coordinator's commands from the start (its first report is
        // given all the same); a command may come before the worker's first slice.
        let waiting = matches!(phase, Phase::Dpor(_) | Phase::Stateful(_));
        Ok(Job {
            first: Some(first),
            waiting,
            ..Job::at(phase)
        })
    }

    /// A side of "Find a bug" on two workers.
    pub fn is_side(&self) -> bool {
        matches!(self.phase, Phase::Dpor(_) | Phase::Stateful(_))
    }

    /// The job has given its final report: the worker drops it.
    pub fn over(&self) -> bool {
        self.over
    }

    /// A side waits for the coordinator's next command: the worker makes no slice until one
    /// comes.
    pub fn waiting(&self) -> bool {
        self.waiting
    }

    /// The coordinator's command to the DPOR side (ignored by any other job).
    pub fn dpor(&mut self, command: ToDpor) {
        if let Phase::Dpor(side) = &mut self.phase {
            side.command(command);
            self.waiting = false;
        }
    }

    /// The coordinator's command to the stateful side (ignored by any other job).
    pub fn stateful(&mut self, command: ToStateful) {
        if let Phase::Stateful(side) = &mut self.phase {
            side.command(command);
            self.waiting = false;
        }
    }

    /// Cancel the DPOR side's speculative turn.
    pub fn cancel(&mut self) {
        if let Phase::Dpor(side) = &mut self.phase {
            side.cancel();
        }
    }

    /// The search `task` asks for, or the report that ends it at once (the program does not
    /// compile).
    pub fn new(task: Task) -> Result<Job, Report> {
        match task {
            Task::Explore {
                source,
                options,
                budget,
                max_steps,
                side: Some(side),
            } => Job::side(&source, &options, &config(budget, max_steps), side),
            Task::Explore {
                source,
                options,
                budget,
                max_steps,
                side: None,
            } => {
                let explorer =
                    ProgramExplorer::for_source(&source, &options, &config(budget, max_steps))
                        .map_err(|d| Report::Failed(first_message(&d)))?;
                Ok(Job::at(Phase::Exploring {
                    explorer: Box::new(explorer),
                    contention: None,
                }))
            }
            Task::Compare {
                source,
                lang,
                budget,
                contention_runs,
                max_steps,
            } => {
                let options = CompileOptions {
                    lang,
                    ..CompileOptions::default()
                };
                Ok(Job::at(Phase::Contention {
                    source,
                    explore: Box::new((options, config(budget, max_steps))),
                    seed: 1,
                    runs: contention_runs,
                    max_steps,
                    total: Contention::default(),
                }))
            }
        }
    }

    /// Work a slice: one contention run, or at most `steps` machine steps of the search (of a
    /// side: of its current command). A report when there is one: the final one when the search
    /// is over ([`Job::over`]); a side's reply to the coordinator, after which the side waits
    /// ([`Job::waiting`]) until its last.
    pub fn advance(&mut self, steps: u64) -> Option<Report> {
        if self.over {
            return None;
        }
        if let Some(first) = self.first.take() {
            self.over = matches!(self.phase, Phase::Done);
            return Some(first);
        }
        if self.waiting {
            return None;
        }
        let report = self.work(steps)?;
        match &report {
            Report::Dpor(FromDpor::Turn(_)) | Report::Stateful(FromStateful::Turn(..)) => {
                self.waiting = true;
            }
            _ => self.over = true,
        }
        Some(report)
    }

    /// [`Job::advance`]'s work, once the first report is given.
    fn work(&mut self, steps: u64) -> Option<Report> {
        match &mut self.phase {
            Phase::Dpor(side) => side.advance(steps).map(Report::Dpor),
            Phase::Stateful(side) => side.advance(steps).map(Report::Stateful),
            Phase::Done => None,
            Phase::Contention {
                source,
                explore,
                seed,
                runs,
                max_steps,
                total,
            } => {
                if *seed <= *runs {
                    match contention::measure_run(source, *seed, *max_steps) {
                        Ok(run) => total.add(&run),
                        Err(d) => return Some(Report::Compared(Err(first_message(&d)))),
                    }
                    *seed += 1;
                    return None;
                }
                let (options, config) = &**explore;
                match ProgramExplorer::for_source(source, options, config) {
                    Ok(explorer) => {
                        self.phase = Phase::Exploring {
                            explorer: Box::new(explorer),
                            contention: Some(*total),
                        };
                        None
                    }
                    Err(d) => Some(Report::Compared(Err(first_message(&d)))),
                }
            }
            Phase::WarmUp { pending, current } => {
                match current {
                    Some(explorer) => {
                        if explorer.advance(steps) {
                            *current = None;
                        }
                    }
                    None => {
                        let Some((source, options, config)) = pending.pop() else {
                            return Some(Report::Warm);
                        };
                        // A program that does not compile (the page's, being edited) is only
                        // skipped: the warm-up shows nothing.
                        *current = ProgramExplorer::for_source(&source, &options, &config)
                            .ok()
                            .map(Box::new);
                    }
                }
                None
            }
            Phase::Exploring {
                explorer,
                contention,
            } => {
                if !explorer.advance(steps) {
                    return None;
                }
                let result = explorer.result();
                Some(match contention {
                    Some(contention) => Report::Compared(Ok((result, *contention))),
                    None => Report::Explored(result),
                })
            }
        }
    }

    /// Where the search stands, once it explores (`None` while measuring contention); a
    /// side's own runs and steps.
    pub fn progress(&self) -> Option<ExploreProgress> {
        match &self.phase {
            Phase::Contention { .. } | Phase::WarmUp { .. } | Phase::Done => None,
            Phase::Exploring { explorer, .. } => Some(explorer.progress()),
            Phase::Dpor(side) => Some(progress_of(side.outcomes()?, side.total_steps())),
            Phase::Stateful(side) => Some(progress_of(side.outcomes()?, side.total_steps())),
        }
    }
}
