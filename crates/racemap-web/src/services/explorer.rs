//! "Find a bug": the core's DPOR explorer, run a chunk at a time so the page never freezes.
//!
//! The search is the core's resumable [`Explorer`]: every chunk makes at most [`CHUNK_STEPS`]
//! machine steps, reports its progress to the reducer and yields to the browser (a zero-delay
//! timeout) before the next chunk. Dropping the returned [`Search`] cancels it: the pending
//! timeout is cleared and the explorer freed.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use racemap::compile::{CompileOptions, LangVersion};
use racemap::explore::{DporConfig, ProgramExplorer};
use yew::UseReducerDispatcher;

use crate::state::{Action, State, MAX_STEPS};

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

/// Start exploring `source` (compiled as Go `lang`) with at most `budget` runs; progress and the result go to
/// `dispatcher` tagged `generation`.
pub fn start(
    source: &str,
    lang: LangVersion,
    generation: u64,
    budget: u64,
    dispatcher: UseReducerDispatcher<State>,
) -> Search {
    let next = Rc::new(RefCell::new(None));
    let defaults = DporConfig::default();
    // The step budget grows with the run budget, as in the core's defaults.
    let steps_per_run = defaults.max_total_steps / defaults.max_executions.max(1);
    let config = DporConfig {
        max_steps_per_execution: MAX_STEPS,
        max_executions: budget,
        max_total_steps: budget.saturating_mul(steps_per_run),
        ..defaults
    };
    let explorer = match ProgramExplorer::for_source(
        source,
        &CompileOptions {
            lang,
            ..Default::default()
        },
        &config,
    ) {
        Ok(explorer) => Rc::new(RefCell::new(explorer)),
        // The reducer only starts a search for a program that compiles.
        Err(_) => return Search { next },
    };
    schedule_chunk(explorer, generation, dispatcher, next.clone());
    Search { next }
}

fn schedule_chunk(
    explorer: Rc<RefCell<ProgramExplorer>>,
    generation: u64,
    dispatcher: UseReducerDispatcher<State>,
    next: Rc<RefCell<Option<Timeout>>>,
) {
    let slot = next.clone();
    let timeout = Timeout::new(0, move || {
        let finished = explorer.borrow_mut().advance(CHUNK_STEPS);
        if finished {
            let result = explorer.borrow().result();
            dispatcher.dispatch(Action::ExploreFinished { generation, result });
            next.borrow_mut().take();
        } else {
            let progress = explorer.borrow().progress();
            dispatcher.dispatch(Action::ExploreProgress {
                generation,
                progress,
            });
            schedule_chunk(
                explorer.clone(),
                generation,
                dispatcher.clone(),
                next.clone(),
            );
        }
    });
    *slot.borrow_mut() = Some(timeout);
}
