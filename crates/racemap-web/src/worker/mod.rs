//! The explorer's Web Worker: "Find a bug" and each row of "Compare strategies" searched in a
//! dedicated worker thread, so the page stays responsive however long a search runs.
//!
//! The worker's wasm is the page's core: the page compiles it once (`services/core/js.rs` in
//! the page binary) and hands the compiled `WebAssembly.Module` to each worker it starts, as its
//! first message, so a worker neither downloads nor compiles the module again, and the browser
//! shares the module's compiled code between the page and its workers. The worker's script
//! ([`LOADER`], `web/explorer_worker_loader.js`) instantiates that module (or, given none,
//! loads the wasm itself), and holds the messages that come meanwhile until [`register`] has
//! installed the worker's handler.
//!
//! The page sends [`Input::Start`] (a [`Task`] tagged with a [`Ticket`]) and [`Input::Stop`],
//! encoded by [`Codec`]; the worker answers with [`Output`]s — progress after each
//! time slice, then the final report. It makes one search at a time ([`job::Job`]), in **time
//! slices**: chunks of [`CHUNK_STEPS`] machine steps until [`SLICE_MS`] milliseconds have passed,
//! then a progress report and the next slice, posted to itself through a `MessageChannel` (not
//! a zero-delay timeout, which browsers clamp to 4 ms once nested). Between two slices the
//! worker's event loop delivers the page's messages: a new `Start` replaces the search, a `Stop`
//! ends it, so a cancelled search stops within one slice and its worker is ready for the next
//! at once (no new worker to start, no wasm to instantiate again).
//!
//! Right after the page's first render the page asks for a **warm-up** ([`Input::WarmUp`]): the
//! worker searches the program on the page, then the strategies' small programs
//! ([`job::warm_up_searches`]), a few thousand steps each, in passes while they get faster
//! ([`WarmUpPasses`]), and reports [`Report::Warm`].
//! A browser compiles a wasm function on its first call and optimizes it once it is hot (in the
//! background: the optimized code comes later), so without it the reader's first search ran in
//! unoptimized code. A `Start` replaces the warm-up at once: the warm-up works in short slices
//! ([`WARM_UP_SLICE_MS`], [`WARM_UP_CHUNK_STEPS`]: its baseline code is slow), so a search
//! clicked meanwhile waits for at most one of them (its search then warms what is left).
//!
//! "Find a bug" on two workers: each worker makes one side of the search
//! (`racemap::explore::sides`, [`Side`]); the page runs the coordinator and relays its commands
//! ([`Input::Dpor`], [`Input::Stateful`], [`Input::Cancel`]) and the sides' replies
//! ([`Report::Dpor`], [`Report::Stateful`]). A side that has replied waits, making no slice,
//! until its next command; a command, like a `Stop`, is seen between two slices.
//!
//! Every report names its ticket; the worker checks that a slice is its current search's, and
//! the page's reducer drops reports of any search but the running one.

mod job;
pub mod protocol;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

pub use job::{config, Job, WarmUpPasses};
pub use protocol::{Codec, Input, Output, Report, Side, Task, Ticket};

/// Machine steps per chunk: the worker looks at the clock between chunks. Small, so that the
/// search's loop (`Search::run`, `Stateful::run`: the hottest functions) is entered again soon:
/// a browser replaces a wasm function's baseline code with its optimized code only at its next
/// call (no on-stack replacement), so a search clicked before that code is in ran a whole chunk
/// in baseline code (chunks of 4 000 steps took 90–150 ms there, against ~4 ms optimized:
/// a Chromium trace of a search clicked at the page's first render, 2026-12-07).
pub const CHUNK_STEPS: u64 = 500;

/// Machine steps per chunk of a side of "Find a bug" on two workers: a DPOR step can cost tens
/// of microseconds, and a cancelled speculative turn should stop within about a slice (the
/// coordinator waits for it), not after a chunk of [`CHUNK_STEPS`] (hundreds of milliseconds
/// on a loaded machine).
pub const SIDE_CHUNK_STEPS: u64 = 500;

/// Milliseconds of searching between two progress reports (and two looks at the page's
/// messages): a cancelled search stops within about this long.
pub const SLICE_MS: f64 = 50.0;

/// Milliseconds of a warm-up slice: a search asked for during the warm-up waits for at most
/// about this long before it starts.
pub const WARM_UP_SLICE_MS: f64 = 10.0;

/// Machine steps per chunk of the warm-up: its code is not optimized yet, and a chunk of
/// [`CHUNK_STEPS`] in baseline code lasted hundreds of milliseconds (a Chromium trace of a
/// search clicked at the page's first render, 2026-12-07).
pub const WARM_UP_CHUNK_STEPS: u64 = 250;

/// Milliseconds between the page's warm-up request and the warm-up's first slice: the page
/// sends it as soon as its core has loaded, while it still draws the core's first view, which
/// a warm-up started at once slowed on a loaded machine (a search asked for meanwhile starts
/// at once).
pub const WARM_UP_DELAY_MS: u32 = 250;

/// The script that starts the worker, relative to the page: `web/explorer_worker_loader.js`,
/// which loads `explorer_worker.js` from its own folder and instantiates the module the page
/// sends. (A `blob:` script instead would be refused by a strict Content-Security-Policy.)
pub const LOADER: &str = "./explorer_worker_loader.js";

/// Register the worker: the worker binary's `main`. Installs the handler of the page's
/// messages and of the worker's own slices.
pub fn register() {
    let global: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let Ok(channel) = MessageChannel::new() else {
        wasm_bindgen::throw_str("racemap's explorer worker: no MessageChannel");
    };
    let scope = Scope {
        global: global.clone(),
        slices: channel.port2(),
        receiver: channel.port1(),
        last_slice: Rc::new(Cell::new(0)),
    };
    let worker = Rc::new(RefCell::new(ExplorerWorker { current: None }));
    let on_slice = {
        let worker = worker.clone();
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(slice) = event.data().as_f64() {
                worker.borrow_mut().update(&scope, slice as u64);
            }
        })
    };
    scope
        .receiver
        .set_onmessage(Some(on_slice.as_ref().unchecked_ref()));
    on_slice.forget();
    let on_input = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // A message that does not decode is not from racemap's page: ignored.
        if let Ok(input) = Codec::decode::<Input>(event.data()) {
            worker.borrow_mut().received(&scope, input);
        }
    });
    global.set_onmessage(Some(on_input.as_ref().unchecked_ref()));
    on_input.forget();
}

/// What the worker's handlers act through: its answers to the page, its own slices.
#[derive(Clone)]
struct Scope {
    /// The worker's global scope (its `postMessage` reaches the page).
    global: DedicatedWorkerGlobalScope,
    /// The channel's end the worker posts its next slice to.
    slices: MessagePort,
    /// The channel's end the slices arrive at (kept: its handler runs them).
    receiver: MessagePort,
    /// The number of the last slice posted.
    last_slice: Rc<Cell<u64>>,
}

impl Scope {
    /// Send `output` to the page.
    fn respond(&self, output: Output) {
        // The page's end is alive as long as the worker is.
        let _ = self.global.post_message(&Codec::encode(&output));
    }

    /// Post the next slice, after the messages waiting; returns its number.
    fn schedule(&self) -> u64 {
        let slice = self.last_slice.get() + 1;
        self.last_slice.set(slice);
        let _ = self.slices.post_message(&JsValue::from(slice as f64));
        slice
    }

    /// Post the next slice in `ms` milliseconds; returns its number.
    fn schedule_after(&self, ms: u32) -> u64 {
        let slice = self.last_slice.get() + 1;
        self.last_slice.set(slice);
        let slices = self.slices.clone();
        gloo::timers::callback::Timeout::new(ms, move || {
            let _ = slices.post_message(&JsValue::from(slice as f64));
        })
        .forget();
        slice
    }
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
    /// The search.
    job: Job,
    /// When it started (`Date.now()`, milliseconds).
    started_ms: f64,
    /// The number of its next slice, if one is posted (a slice of any other number, posted
    /// for a search since replaced, does nothing).
    next: Option<u64>,
    /// The warm-up's passes (`None` for a search).
    passes: Option<Passes>,
}

/// The warm-up's passes so far.
struct Passes {
    /// The program on the page that each pass searches first, if any.
    program: Option<(String, racemap::compile::CompileOptions)>,
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

impl ExplorerWorker {
    /// Slice number `slice` is due: work it if it is the current search's.
    fn update(&mut self, scope: &Scope, slice: u64) {
        let Some(running) = self.current.as_mut().filter(|r| r.next == Some(slice)) else {
            return;
        };
        let ticket = running.ticket;
        let slice_start = js_sys::Date::now();
        let slice_ms = if running.passes.is_some() {
            WARM_UP_SLICE_MS
        } else {
            SLICE_MS
        };
        running.next = None;
        loop {
            let chunk = if running.passes.is_some() {
                WARM_UP_CHUNK_STEPS
            } else if running.job.is_side() {
                SIDE_CHUNK_STEPS
            } else {
                CHUNK_STEPS
            };
            if let Some(report) = running.job.advance(chunk) {
                if let (Report::Warm, Some(passes)) = (&report, running.passes.as_mut()) {
                    if passes.another(js_sys::Date::now()) {
                        running.job = Job::warm_up(passes.program.as_ref());
                        continue;
                    }
                }
                scope.respond(Output { ticket, report });
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
                    scope.respond(Output { ticket, report });
                }
                return;
            }
            if js_sys::Date::now() - slice_start >= slice_ms {
                break;
            }
        }
        if let Some(progress) = running.job.progress() {
            let elapsed_ms = (js_sys::Date::now() - running.started_ms).max(0.0) as u64;
            let report = Report::Progress {
                progress,
                elapsed_ms,
            };
            scope.respond(Output { ticket, report });
        }
        running.next = Some(scope.schedule());
    }

    /// The page sent `input`.
    fn received(&mut self, scope: &Scope, input: Input) {
        match input {
            Input::Start { ticket, task } => {
                // The old search's next slice, if posted, will find another number.
                self.current = None;
                match Job::new(task) {
                    Ok(job) => {
                        self.current = Some(Running {
                            ticket,
                            job,
                            started_ms: js_sys::Date::now(),
                            next: Some(scope.schedule()),
                            passes: None,
                        })
                    }
                    Err(report) => scope.respond(Output { ticket, report }),
                }
            }
            Input::WarmUp { ticket, program } => {
                // A search already asked for goes on: it warms the code up as well.
                if self.current.is_none() {
                    let now = js_sys::Date::now();
                    self.current = Some(Running {
                        ticket,
                        job: Job::warm_up(program.as_ref()),
                        started_ms: now,
                        next: Some(scope.schedule_after(WARM_UP_DELAY_MS)),
                        passes: Some(Passes {
                            program,
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

    /// Give the search of `ticket`, if it is the current one, the coordinator's `command`; its
    /// next slice is posted if none is.
    fn command(&mut self, scope: &Scope, ticket: Ticket, command: impl FnOnce(&mut Job)) {
        let Some(running) = self.current.as_mut().filter(|r| r.ticket == ticket) else {
            return;
        };
        command(&mut running.job);
        if running.next.is_none() && !running.job.waiting() {
            running.next = Some(scope.schedule());
        }
    }
}

#[cfg(test)]
mod tests;
