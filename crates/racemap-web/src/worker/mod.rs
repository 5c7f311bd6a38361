//! The explorer's Web Worker: "Find a bug" and each row of "Compare strategies" searched in a
//! dedicated worker thread, so the page stays responsive however long a search runs.
//!
//! A gloo-worker [`Worker`]: the page's bridge sends [`Input::Start`] (a [`Task`] tagged with a
//! [`Ticket`]) and [`Input::Stop`]; the worker answers with [`Output`]s — progress after each
//! time slice, then the final report. It makes one search at a time ([`job::Job`]), in **time
//! slices**: chunks of [`CHUNK_STEPS`] machine steps until [`SLICE_MS`] milliseconds have passed,
//! then a progress report and a zero-delay timeout before the next slice. Between two slices the
//! worker's event loop delivers the page's messages: a new `Start` replaces the search, a `Stop`
//! ends it, so a cancelled search stops within one slice and its worker is ready for the next
//! at once (no new worker to start, no wasm to instantiate again). Slices of tens of
//! milliseconds keep the browser's clamp of nested timeouts (4 ms) under a tenth of the time.
//!
//! Right after the page's first render the page asks for a **warm-up** ([`Input::WarmUp`]): the
//! worker searches the strategies' small programs ([`job::warm_up_searches`]), in passes while
//! they get faster ([`WarmUpPasses`]), and reports [`Report::Warm`].
//! A browser compiles a wasm function on its first call and optimizes it once it is hot (in the
//! background: the optimized code comes later), so without it the reader's first search ran in
//! unoptimized code. A `Start` replaces the warm-up at once (its search then warms what is
//! left).
//!
//! "Find a bug" on two workers: each worker makes one side of the search
//! (`racemap::explore::sides`, [`Side`]); the page runs the coordinator and relays its commands
//! ([`Input::Dpor`], [`Input::Stateful`], [`Input::Cancel`]) and the sides' replies
//! ([`Report::Dpor`], [`Report::Stateful`]). A side that has replied waits, making no slice,
//! until its next command; a command, like a `Stop`, is seen between two slices.
//!
//! Every report names its ticket; the worker checks that a slice's ticket is still the current
//! one, and the page's reducer drops reports of any search but the running one.

mod job;
pub mod protocol;

use gloo::timers::callback::Timeout;
use gloo::worker::{HandlerId, Registrable, Worker, WorkerScope};

pub use job::{config, Job, WarmUpPasses};
pub use protocol::{Codec, Input, Output, Report, Side, Task, Ticket};

/// Machine steps per chunk: the worker looks at the clock between chunks.
pub const CHUNK_STEPS: u64 = 4_000;

/// Machine steps per chunk of a side of "Find a bug" on two workers: a DPOR step can cost tens
/// of microseconds, and a cancelled speculative turn should stop within about a slice (the
/// coordinator waits for it), not after a chunk of [`CHUNK_STEPS`] (hundreds of milliseconds
/// on a loaded machine).
pub const SIDE_CHUNK_STEPS: u64 = 500;

/// Milliseconds of searching between two progress reports (and two looks at the page's
/// messages): a cancelled search stops within about this long.
pub const SLICE_MS: f64 = 50.0;

/// The script that starts the worker, relative to the page: trunk's loader shim
/// (`data-loader-shim` in `web/index.html`), which loads `explorer_worker.js` and
/// `explorer_worker_bg.wasm` from its own folder. (gloo's `spawn` would start the worker from a
/// `blob:` script instead, which a strict Content-Security-Policy refuses.)
pub const LOADER: &str = "./explorer_worker_loader.js";

/// Register the worker: the worker binary's `main`.
pub fn register() {
    ExplorerWorker::registrar().encoding::<Codec>().register();
}

/// The worker's state: the search it is making, if any.
pub struct ExplorerWorker {
    /// The current search.
    current: Option<Running>,
}

/// A search being made.
struct Running {
    /// Its ticket.
    ticket: Ticket,
    /// The bridge that asked for it.
    who: HandlerId,
    /// The search.
    job: Job,
    /// When it started (`Date.now()`, milliseconds).
    started_ms: f64,
    /// The timeout of its next slice; dropping it cancels the slice.
    next: Option<Timeout>,
    /// The warm-up's passes (`None` for a search).
    passes: Option<Passes>,
}

/// The warm-up's passes so far.
struct Passes {
    /// Their times.
    passes: WarmUpPasses,
    /// When the current one started (`Date.now()`).
    started_ms: f64,
}

impl Passes {
    /// A pass ended at `now_ms`: whether another follows ([`WarmUpPasses::another`]).
    fn another(&mut self, now_ms: f64) -> bool {
        let ms = now_ms - self.started_ms;
        self.started_ms = now_ms;
        self.passes.another(ms)
    }
}

/// The worker's own message: work a slice of the search of this ticket.
pub struct Slice(Ticket);

impl Worker for ExplorerWorker {
    type Message = Slice;
    type Input = Input;
    type Output = Output;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        ExplorerWorker { current: None }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, Slice(ticket): Slice) {
        let Some(running) = self.current.as_mut().filter(|r| r.ticket == ticket) else {
            return;
        };
        let slice_start = js_sys::Date::now();
        running.next = None;
        loop {
            let chunk = if running.job.is_side() {
                SIDE_CHUNK_STEPS
            } else {
                CHUNK_STEPS
            };
            if let Some(report) = running.job.advance(chunk) {
                if matches!(report, Report::Warm)
                    && running
                        .passes
                        .as_mut()
                        .is_some_and(|p| p.another(js_sys::Date::now()))
                {
                    running.job = Job::warm_up();
                    continue;
                }
                scope.respond(running.who, Output { ticket, report });
                if running.job.over() {
                    self.current = None;
                    return;
                }
            }
            if running.job.waiting() {
                // A side waits for its next command (which schedules the next slice); its runs
                // so far show in the page's progress meanwhile.
                if let Some(progress) = running.job.progress() {
                    let elapsed_ms = (js_sys::Date::now() - running.started_ms).max(0.0) as u64;
                    let report = Report::Progress {
                        progress,
                        elapsed_ms,
                    };
                    scope.respond(running.who, Output { ticket, report });
                }
                return;
            }
            if js_sys::Date::now() - slice_start >= SLICE_MS {
                break;
            }
        }
        if let Some(progress) = running.job.progress() {
            let elapsed_ms = (js_sys::Date::now() - running.started_ms).max(0.0) as u64;
            let report = Report::Progress {
                progress,
                elapsed_ms,
            };
            scope.respond(running.who, Output { ticket, report });
        }
        running.next = Some(schedule(scope, ticket));
    }

    fn received(&mut self, scope: &WorkerScope<Self>, input: Input, who: HandlerId) {
        match input {
            Input::Start { ticket, task } => {
                // Dropping the old search cancels its next slice.
                self.current = None;
                match Job::new(task) {
                    Ok(job) => {
                        self.current = Some(Running {
                            ticket,
                            who,
                            job,
                            started_ms: js_sys::Date::now(),
                            next: Some(schedule(scope, ticket)),
                            passes: None,
                        })
                    }
                    Err(report) => scope.respond(who, Output { ticket, report }),
                }
            }
            Input::WarmUp { ticket } => {
                // A search already asked for goes on: it warms the code up as well.
                if self.current.is_none() {
                    let now = js_sys::Date::now();
                    self.current = Some(Running {
                        ticket,
                        who,
                        job: Job::warm_up(),
                        started_ms: now,
                        next: Some(schedule(scope, ticket)),
                        passes: Some(Passes {
                            passes: WarmUpPasses::default(),
                            started_ms: now,
                        }),
                    });
                }
            }
            Input::Stop { ticket } => {
                if self.current.as_ref().is_some_and(|r| r.ticket == ticket) {
                    self.current = None;
                }
            }
            Input::Dpor { ticket, command } => {
                self.command(scope, ticket, |job| job.dpor(command));
            }
            Input::Stateful { ticket, command } => {
                self.command(scope, ticket, |job| job.stateful(command));
            }
            Input::Cancel { ticket } => self.command(scope, ticket, Job::cancel),
        }
    }
}

impl ExplorerWorker {
    /// Give the search of `ticket`, if it is the current one, the coordinator's `command`; its
    /// next slice is scheduled if none is.
    fn command(
        &mut self,
        scope: &WorkerScope<Self>,
        ticket: Ticket,
        command: impl FnOnce(&mut Job),
    ) {
        let Some(running) = self.current.as_mut().filter(|r| r.ticket == ticket) else {
            return;
        };
        command(&mut running.job);
        if running.next.is_none() && !running.job.waiting() {
            running.next = Some(schedule(scope, ticket));
        }
    }
}

/// The next slice of `ticket`'s search, after the worker's event loop has delivered the
/// messages waiting.
fn schedule(scope: &WorkerScope<ExplorerWorker>, ticket: Ticket) -> Timeout {
    let scope = scope.clone();
    Timeout::new(0, move || scope.send_message(Slice(ticket)))
}

#[cfg(test)]
mod tests;
