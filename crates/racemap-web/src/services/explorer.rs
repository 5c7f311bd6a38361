//! "Find a bug" and "Compare strategies": searches made by the explorer's Web Worker
//! ([`racemap_web::worker`]), so the page's thread only renders.
//!
//! [`Explorers`] holds one worker for "Find a bug" and up to [`lanes`] for the comparison (the
//! two can run at once, each on its own threads), each spawned when first needed: the
//! comparison's rows go to whichever of its workers is idle ([`Explorers::compare`], rows in
//! order, a second worker spawned only when a second row is waiting); the page spawns "Find a
//! bug"'s right after its first render ([`Explorers::warm_up`], not in an embed), so the
//! worker's wasm (`explorer_worker_bg.wasm`, the only one with the core's explorer) loads and
//! warms up while the reader looks at the page, never before the first render. A search is a [`Search`]: starting one sends the worker the program, its
//! compile options and budget with a [`Ticket`] (the reducer's generation); dropping it (a new
//! search, another program, Stop, leaving the page) sends a stop for that ticket. The worker's
//! reports become reducer actions, which drop any report whose generation is not the running
//! search's.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::worker::{Spawnable, WorkerBridge};
use racemap::compile::CompileOptions;
use racemap::strategies::Strategy;
use racemap_web::worker::{Codec, ExplorerWorker, Input, Output, Report, Task, Ticket, LOADER};
use yew::UseReducerDispatcher;

use crate::state::{Action, Comparison, State, COMPARE_BUDGET, CONTENTION_RUNS, MAX_STEPS};

/// A bridge to a worker.
type Bridge = Rc<WorkerBridge<ExplorerWorker>>;

/// The most workers a search uses at once.
pub const MAX_LANES: usize = 2;

/// How many workers a search may use: the browser's logical processors
/// (`navigator.hardwareConcurrency`), at least 1 and at most [`MAX_LANES`].
pub fn lanes() -> usize {
    let cores = web_sys::window().map_or(1.0, |w| w.navigator().hardware_concurrency());
    if cores >= MAX_LANES as f64 {
        MAX_LANES
    } else {
        1
    }
}

/// The comparison's rows being searched: which comparison, and each row's search.
#[derive(Default)]
struct RowSearches {
    /// The comparison's generation.
    generation: u64,
    /// Each row being searched, with its search (on one of the comparison's workers).
    searches: Vec<(usize, Search)>,
}

/// The page's explorer workers, spawned when first needed.
pub struct Explorers {
    /// Where the workers' reports go.
    dispatcher: UseReducerDispatcher<State>,
    /// The worker of "Find a bug".
    find: RefCell<Option<Bridge>>,
    /// The workers of "Compare strategies" (at most [`lanes`]).
    compare: RefCell<Vec<Bridge>>,
    /// The comparison's rows being searched.
    rows: RefCell<RowSearches>,
}

impl PartialEq for Explorers {
    fn eq(&self, other: &Explorers) -> bool {
        std::ptr::eq(self, other)
    }
}

/// A running search; dropping it stops the search.
pub struct Search {
    /// The worker making it.
    bridge: Bridge,
    /// Which search it is.
    ticket: Ticket,
}

impl Drop for Search {
    fn drop(&mut self) {
        self.bridge.send(Input::Stop {
            ticket: self.ticket,
        });
    }
}

impl Explorers {
    /// No worker yet; reports will go to `dispatcher`.
    pub fn new(dispatcher: UseReducerDispatcher<State>) -> Explorers {
        Explorers {
            dispatcher,
            find: RefCell::new(None),
            compare: RefCell::new(Vec::new()),
            rows: RefCell::new(RowSearches::default()),
        }
    }

    /// A new worker whose reports go to the reducer.
    fn spawn(&self) -> Bridge {
        let dispatcher = self.dispatcher.clone();
        Rc::new(
            ExplorerWorker::spawner()
                .callback(move |output| deliver(&dispatcher, output))
                .encoding::<Codec>()
                .spawn_with_loader(&loader_url()),
        )
    }

    /// The worker in `slot`, spawned if it is not yet.
    fn bridge(&self, slot: &RefCell<Option<Bridge>>) -> Bridge {
        slot.borrow_mut()
            .get_or_insert_with(|| self.spawn())
            .clone()
    }

    /// Spawn "Find a bug"'s worker now and have it warm up ([`Input::WarmUp`]), so that its wasm
    /// has loaded and its explorer's code is compiled and optimized by the first click (called
    /// once the page has rendered). Its end becomes [`Action::ExplorerWarm`].
    pub fn warm_up(&self) {
        let ticket = Ticket {
            generation: 0,
            row: None,
        };
        self.bridge(&self.find).send(Input::WarmUp { ticket });
    }

    /// Start exploring `source` (compiled with `options`) with at most `budget` runs, as search
    /// `generation`.
    pub fn start(
        &self,
        source: &str,
        options: CompileOptions,
        generation: u64,
        budget: u64,
    ) -> Search {
        let ticket = Ticket {
            generation,
            row: None,
        };
        let task = Task::Explore {
            source: source.to_string(),
            options,
            budget,
            max_steps: MAX_STEPS,
        };
        self.send(&self.find, ticket, task)
    }

    /// Search the rows `comparison` has to explore now ([`Comparison::running`] with
    /// [`lanes`] workers; `None`: no comparison): a row already being searched goes on, a row
    /// no longer among them (finished, stopped, another comparison) is stopped, and each new
    /// row goes to an idle worker of the comparison's (spawned if there are fewer than
    /// [`lanes`]). A row is its strategy's contention over [`CONTENTION_RUNS`] seeded runs, then
    /// a search of at most [`COMPARE_BUDGET`] runs.
    pub fn compare(&self, comparison: Option<&Comparison>) {
        let wanted = comparison.map_or_else(Vec::new, |c| c.running(lanes()));
        let mut rows = self.rows.borrow_mut();
        let generation = comparison.map_or(rows.generation, |c| c.generation);
        if generation != rows.generation {
            rows.searches.clear();
            rows.generation = generation;
        }
        // Dropping a search stops it (its worker becomes idle).
        rows.searches.retain(|(row, _)| wanted.contains(row));
        let Some(comparison) = comparison else {
            return;
        };
        for index in wanted {
            if rows.searches.iter().any(|(row, _)| *row == index) {
                continue;
            }
            let Some(bridge) = self.idle_compare_worker(&rows.searches) else {
                return;
            };
            if let Some(search) = compare_row(bridge, comparison, index) {
                rows.searches.push((index, search));
            }
        }
    }

    /// A worker of the comparison's that makes none of `searches`, spawned if all are busy and
    /// there are fewer than [`lanes`].
    fn idle_compare_worker(&self, searches: &[(usize, Search)]) -> Option<Bridge> {
        let mut pool = self.compare.borrow_mut();
        let busy = |bridge: &Bridge| searches.iter().any(|(_, s)| Rc::ptr_eq(&s.bridge, bridge));
        if let Some(idle) = pool.iter().find(|b| !busy(b)) {
            return Some(idle.clone());
        }
        (pool.len() < lanes()).then(|| {
            let bridge = self.spawn();
            pool.push(bridge.clone());
            bridge
        })
    }

    fn send(&self, slot: &RefCell<Option<Bridge>>, ticket: Ticket, task: Task) -> Search {
        let bridge = self.bridge(slot);
        bridge.send(Input::Start { ticket, task });
        Search { bridge, ticket }
    }
}

/// Row `index` of `comparison` on the worker `bridge`.
fn compare_row(bridge: Bridge, comparison: &Comparison, index: usize) -> Option<Search> {
    let strategy = Strategy::ALL.get(index)?;
    let ticket = Ticket {
        generation: comparison.generation,
        row: Some(u32::try_from(index).ok()?),
    };
    let task = Task::Compare {
        source: strategy.source(comparison.workload),
        lang: comparison.lang,
        budget: COMPARE_BUDGET,
        contention_runs: CONTENTION_RUNS,
        max_steps: MAX_STEPS,
    };
    bridge.send(Input::Start { ticket, task });
    Some(Search { bridge, ticket })
}

/// The script that starts the worker: the one `index.html`'s `<meta name="racemap-worker">`
/// names (`cargo xtask dist` names the worker's files after their content, so a cached old
/// worker never meets a new page), else trunk's plain name ([`LOADER`], `trunk serve`).
fn loader_url() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| {
            document
                .query_selector("meta[name=\"racemap-worker\"]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .filter(|url| !url.is_empty())
        .unwrap_or_else(|| LOADER.to_string())
}

/// A worker's report as the reducer's action (the reducer checks the generation).
fn deliver(dispatcher: &UseReducerDispatcher<State>, Output { ticket, report }: Output) {
    let generation = ticket.generation;
    let action = match (ticket.row, report) {
        (
            None,
            Report::Progress {
                progress,
                elapsed_ms,
            },
        ) => Action::ExploreProgress {
            generation,
            progress,
            elapsed_ms,
        },
        (None, Report::Explored(result)) => Action::ExploreFinished { generation, result },
        (None, Report::Warm) => Action::ExplorerWarm,
        (
            Some(row),
            Report::Progress {
                progress,
                elapsed_ms,
            },
        ) => Action::CompareProgress {
            generation,
            index: row as usize,
            progress,
            elapsed_ms,
        },
        (Some(row), Report::Compared(outcome)) => Action::CompareFinished {
            generation,
            index: row as usize,
            outcome,
        },
        // The reducer starts a search only for a program that compiles; a report that does not
        // fit its ticket is not racemap's.
        _ => return,
    };
    dispatcher.dispatch(action);
}
