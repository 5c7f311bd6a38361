//! "Find a bug" and "Compare strategies": searches made by the explorer's Web Worker
//! ([`racemap_web::worker`]), so the page's thread only renders.
//!
//! [`Explorers`] holds [`find_lanes`] workers for "Find a bug" (one) and up to [`lanes`] for
//! the comparison (the two can run at once, each on its own threads), each spawned when first
//! needed. "Find a bug" on two workers (`?find-workers=2` in the page's address, for
//! benchmarks) is the core's side-by-side search, one side per worker, coordinated by the page
//! ([`super::relay`]), with exactly the one-worker result; measured, it was never faster than
//! one worker (see [`find_lanes`]). The comparison's rows go to
//! whichever of its workers is idle ([`Explorers::compare`], rows in order, a second worker
//! spawned only when a second row is waiting). The page spawns "Find a bug"'s workers at its
//! first render ([`Explorers::warm_up`], not in an embed): each gets the core's module once
//! the page's core has loaded ([`Port`]: `explorer_worker_bg.wasm`, the only wasm with the
//! core's explorer, is downloaded and compiled once) and warms up on the program on screen and
//! the strategies' while the reader looks at the page. A search is a [`Search`]: starting one
//! sends the worker the program, its
//! compile options and budget with a [`Ticket`] (the reducer's generation); dropping it (a new
//! search, another program, Stop, leaving the page) sends a stop for that ticket. The worker's
//! reports become reducer actions, which drop any report whose generation is not the running
//! search's.

use std::cell::RefCell;
use std::rc::Rc;

use racemap::compile::CompileOptions;
use racemap::strategies::Strategy;
use racemap_web::worker::{Input, Output, Side, Task, Ticket, LOADER};
use yew::UseReducerDispatcher;

use super::port::{Bridge, Port};
use super::relay::{pass, SharedRelay};
use crate::state::{Comparison, State, COMPARE_BUDGET, CONTENTION_RUNS, MAX_STEPS};

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

/// How many workers "Find a bug" uses: one, or [`lanes`] when the page's address asks for
/// two (`?find-workers=2`, `tests/browser/bench.mjs`'s switch to measure both).
///
/// Why one (`cargo xtask bench-web`, 2026-12-06): on the presets at 4 × 3 and the article's
/// Cache the stateful search ends in its first or second turn, so the speculative DPOR turn
/// of the second worker is always cancelled: it only takes a core from the stateful search and
/// the page's main thread (a 2-core machine has no third), and each decision waits for a slice
/// of the other worker and a trip through the page's main thread. Two workers were slower on
/// every row (mutex 0.2 s → 0.4–1.0 s), never faster.
pub fn find_lanes() -> usize {
    let asked = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|query| {
            query
                .trim_start_matches('?')
                .split('&')
                .any(|pair| pair == "find-workers=2")
        });
    if asked {
        lanes()
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
    /// The workers of "Find a bug" ([`find_lanes`]): DPOR's side, the stateful search's.
    find: RefCell<Vec<Bridge>>,
    /// The page's end of "Find a bug" on two workers.
    relay: SharedRelay,
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
    /// The worker making it (the first of two for "Find a bug" on two workers).
    bridge: Bridge,
    /// The other worker of "Find a bug" on two workers, and the search's relay.
    pair: Option<(Bridge, SharedRelay)>,
    /// Which search it is.
    ticket: Ticket,
}

impl Drop for Search {
    fn drop(&mut self) {
        let stop = Input::Stop {
            ticket: self.ticket,
        };
        if let Some((other, relay)) = &self.pair {
            other.send(stop.clone());
            if let Ok(mut relay) = relay.try_borrow_mut() {
                relay.end(self.ticket);
            }
        }
        self.bridge.send(stop);
    }
}

impl Explorers {
    /// No worker yet; reports will go to `dispatcher`.
    pub fn new(dispatcher: UseReducerDispatcher<State>) -> Explorers {
        Explorers {
            dispatcher,
            find: RefCell::new(Vec::new()),
            relay: SharedRelay::default(),
            compare: RefCell::new(Vec::new()),
            rows: RefCell::new(RowSearches::default()),
        }
    }

    /// A new worker whose reports go to the reducer.
    fn spawn(&self) -> Bridge {
        let dispatcher = self.dispatcher.clone();
        Rc::new(Port::spawn(
            &loader_url(),
            move |Output { ticket, report }| {
                if let Some(action) = pass(ticket, report) {
                    dispatcher.dispatch(action);
                }
            },
        ))
    }

    /// "Find a bug"'s workers, spawned up to [`find_lanes`]: worker `lane`'s reports go through the
    /// relay, which passes on to the reducer what is not a side's reply.
    fn find_workers(&self) -> Vec<Bridge> {
        let mut pool = self.find.borrow_mut();
        let lanes = find_lanes();
        while pool.len() < lanes {
            let lane = pool.len();
            let dispatcher = self.dispatcher.clone();
            let relay = Rc::downgrade(&self.relay);
            pool.push(Rc::new(Port::spawn(&loader_url(), move |output| {
                if let Some(relay) = relay.upgrade() {
                    relay_output(&dispatcher, &relay, lane, output);
                }
            })));
        }
        pool.clone()
    }

    /// Spawn "Find a bug"'s workers now and have them warm up ([`Input::WarmUp`], on `source`
    /// compiled with `options` first: the program on the page) once they have the core's
    /// module, so that their explorer's code is compiled and optimized by
    /// the first click (called at the page's first render: a worker fetches only its small
    /// script until the page has compiled the core, [`Port`]). Its end becomes
    /// [`crate::state::Action::ExplorerWarm`].
    pub fn warm_up(&self, source: &str, options: CompileOptions) {
        let ticket = Ticket {
            generation: 0,
            row: None,
        };
        for worker in self.find_workers() {
            worker.send(Input::WarmUp {
                ticket,
                program: Some((source.to_string(), options)),
            });
        }
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
        let task = |side| Task::Explore {
            source: source.to_string(),
            options,
            budget,
            max_steps: MAX_STEPS,
            side,
        };
        let workers = self.find_workers();
        match workers.as_slice() {
            [dpor, stateful, ..] => {
                self.relay
                    .borrow_mut()
                    .start(ticket, task(None), &workers[..2]);
                dpor.send(Input::Start {
                    ticket,
                    task: task(Some(Side::Dpor)),
                });
                stateful.send(Input::Start {
                    ticket,
                    task: task(Some(Side::Stateful)),
                });
                Search {
                    bridge: dpor.clone(),
                    pair: Some((stateful.clone(), self.relay.clone())),
                    ticket,
                }
            }
            _ => {
                let bridge = workers.first().cloned().unwrap_or_else(|| self.spawn());
                bridge.send(Input::Start {
                    ticket,
                    task: task(None),
                });
                Search {
                    bridge,
                    pair: None,
                    ticket,
                }
            }
        }
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
    Some(Search {
        bridge,
        pair: None,
        ticket,
    })
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

/// "Find a bug"'s worker `lane` sent `output`: the relay's actions go to the reducer, its
/// messages to the workers (after the relay is released: a dispatch or a send never meets it
/// borrowed).
fn relay_output(
    dispatcher: &UseReducerDispatcher<State>,
    relay: &SharedRelay,
    lane: usize,
    output: Output,
) {
    let (actions, sends) = relay.borrow_mut().receive(lane, output);
    let workers: Vec<Option<Bridge>> = {
        let relay = relay.borrow();
        sends.iter().map(|(lane, _)| relay.worker(*lane)).collect()
    };
    for ((_, input), worker) in sends.into_iter().zip(workers) {
        if let Some(worker) = worker {
            worker.send(input);
        }
    }
    for action in actions {
        dispatcher.dispatch(action);
    }
}
