//! "Find a bug" and "Compare strategies": the core's DPOR explorer, run a chunk at a time so
//! the page never freezes.
//!
//! The search is the core's resumable [`Explorer`]: every chunk makes at most [`CHUNK_STEPS`]
//! machine steps, reports its progress to the reducer and yields to the browser (a zero-delay
//! timeout) before the next chunk. Dropping the returned [`Search`] cancels it: the pending
//! timeout is cleared and the explorer freed.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use racemap::compile::{CompileOptions, LangVersion};
use racemap::explore::{DporConfig, ExploreProgress, ExploreResult, ProgramExplorer};
use racemap::playback::contention::{self, Contention};
use racemap::strategies::Strategy;
use yew::UseReducerDispatcher;

use crate::state::{Action, Comparison, State, COMPARE_BUDGET, CONTENTION_RUNS, MAX_STEPS};

/// Machine steps per chunk: a few milliseconds of work between two frames.
pub const CHUNK_STEPS: u64 = 4_000;

/// A running search; dropping it stops the search.
pub struct Search {
    /// The timeout of the next chunk (replaced by each chunk).
    next: Rc<RefCell<Option<Timeout>>>,
}

impl Drop for Search {
    fn drop(&mut self) {
        if let Some(timeout) = self.next.borrow_mut().take() {
            timeout.cancel();
        }
    }
}

/// Start exploring `source` (compiled with `options`) with at most `budget` runs; progress and the result go to
/// `dispatcher` tagged `generation`.
pub fn start(
    source: &str,
    options: CompileOptions,
    generation: u64,
    budget: u64,
    dispatcher: UseReducerDispatcher<State>,
) -> Search {
    let progress = {
        let dispatcher = dispatcher.clone();
        move |progress| {
            dispatcher.dispatch(Action::ExploreProgress {
                generation,
                progress,
            })
        }
    };
    let finished =
        move |result| dispatcher.dispatch(Action::ExploreFinished { generation, result });
    let search = Search::idle();
    // The reducer only starts a search for a program that compiles.
    let _ = explore(
        source,
        options,
        budget,
        progress,
        finished,
        search.next.clone(),
    );
    search
}

/// Row `index` of comparison `generation`: measure the strategy's contention (one seeded run
/// per chunk), then explore its program with at most [`COMPARE_BUDGET`] runs; progress and the
/// result go to `dispatcher`.
pub fn compare(
    comparison: &Comparison,
    index: usize,
    dispatcher: UseReducerDispatcher<State>,
) -> Search {
    let search = Search::idle();
    let Some(strategy) = Strategy::ALL.get(index) else {
        return search;
    };
    let row = Row {
        generation: comparison.generation,
        index,
        lang: comparison.lang,
        source: Rc::from(strategy.source(comparison.workload)),
        dispatcher,
    };
    schedule_contention(row, 1, Contention::default(), search.next.clone());
    search
}

/// What a comparison row's chunks need.
#[derive(Clone)]
struct Row {
    /// The comparison.
    generation: u64,
    /// The row.
    index: usize,
    /// The Go version.
    lang: LangVersion,
    /// The strategy's program.
    source: Rc<str>,
    /// Where results go.
    dispatcher: UseReducerDispatcher<State>,
}

impl Row {
    fn finish(&self, outcome: Result<(ExploreResult, Contention), String>) {
        self.dispatcher.dispatch(Action::CompareFinished {
            generation: self.generation,
            index: self.index,
            outcome,
        });
    }
}

/// Measure seeded run `seed` in the next chunk, then the next seed, then explore.
fn schedule_contention(
    row: Row,
    seed: u64,
    mut total: Contention,
    next: Rc<RefCell<Option<Timeout>>>,
) {
    let slot = next.clone();
    let timeout = Timeout::new(0, move || {
        match contention::measure_run(&row.source, seed, MAX_STEPS) {
            Ok(run) => total.add(&run),
            Err(diagnostics) => return row.finish(Err(first_message(&diagnostics))),
        }
        if seed < CONTENTION_RUNS {
            return schedule_contention(row, seed + 1, total, next);
        }
        let progress = {
            let row = row.clone();
            move |progress| {
                row.dispatcher.dispatch(Action::CompareProgress {
                    generation: row.generation,
                    index: row.index,
                    progress,
                })
            }
        };
        let finished = {
            let row = row.clone();
            move |result| row.finish(Ok((result, total)))
        };
        let options = CompileOptions {
            lang: row.lang,
            ..CompileOptions::default()
        };
        if let Err(message) = explore(
            &row.source,
            options,
            COMPARE_BUDGET,
            progress,
            finished,
            next,
        ) {
            row.finish(Err(message));
        }
    });
    *slot.borrow_mut() = Some(timeout);
}

fn first_message(diagnostics: &[racemap::diag::Diagnostic]) -> String {
    diagnostics
        .first()
        .map_or_else(|| "does not compile".to_string(), |d| d.message.clone())
}

impl Search {
    /// A search that does nothing (nothing to explore).
    fn idle() -> Search {
        Search {
            next: Rc::new(RefCell::new(None)),
        }
    }
}

/// Explore `source` in chunks with at most `budget` runs, reporting to `progress` after each
/// chunk and to `finished` once; each chunk's timeout goes to `next` (the [`Search`]'s slot);
/// the error when it does not compile.
fn explore(
    source: &str,
    options: CompileOptions,
    budget: u64,
    progress: impl Fn(ExploreProgress) + 'static,
    finished: impl Fn(ExploreResult) + 'static,
    next: Rc<RefCell<Option<Timeout>>>,
) -> Result<(), String> {
    let defaults = DporConfig::default();
    // The step budget grows with the run budget, as in the core's defaults, and is never under
    // a tenth of the default (it counts what DPOR replays to check reversals too: a budget of
    // a few runs is a number of runs, not of steps).
    let steps_per_run = defaults.max_total_steps / defaults.max_executions.max(1);
    let config = DporConfig {
        max_steps_per_execution: MAX_STEPS,
        max_executions: budget,
        max_total_steps: budget
            .saturating_mul(steps_per_run)
            .max(defaults.max_total_steps / 10),
        ..defaults
    };
    let explorer =
        ProgramExplorer::for_source(source, &options, &config).map_err(|d| first_message(&d))?;
    let report = Rc::new(Report {
        progress: Box::new(progress),
        finished: Box::new(finished),
    });
    schedule_chunk(Rc::new(RefCell::new(explorer)), report, next);
    Ok(())
}

/// Where a search reports.
struct Report {
    /// After each chunk that did not finish.
    progress: Box<dyn Fn(ExploreProgress)>,
    /// Once, at the end.
    finished: Box<dyn Fn(ExploreResult)>,
}

fn schedule_chunk(
    explorer: Rc<RefCell<ProgramExplorer>>,
    report: Rc<Report>,
    next: Rc<RefCell<Option<Timeout>>>,
) {
    let slot = next.clone();
    let timeout = Timeout::new(0, move || {
        let finished = explorer.borrow_mut().advance(CHUNK_STEPS);
        if finished {
            let result = explorer.borrow().result();
            next.borrow_mut().take();
            (report.finished)(result);
        } else {
            (report.progress)(explorer.borrow().progress());
            schedule_chunk(explorer.clone(), report.clone(), next.clone());
        }
    });
    *slot.borrow_mut() = Some(timeout);
}
