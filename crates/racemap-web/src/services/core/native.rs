//! The core linked directly: the reducer's native tests (`state/tests.rs`) play programs with
//! the core's own `Playback`, through the same [`PlaybackPort`] as the page. Always ready,
//! unless a test says otherwise ([`set_ready`]) to see the page while the core loads.

use std::cell::{Cell, RefCell};

use racemap::compile::LangVersion;
use racemap::playback::{ChoiceView, Playback, RunStop, StepError, View};
use racemap::sched::Choice;
use racemap_web::core_api::{self, ReceivedView, SentView};

use super::{OpenConfig, PlaybackPort};

/// The core's playback, reached only through [`PlaybackPort`] as in the page; its views cross
/// as the page's do (updates of the last one, `core_api::ViewUpdate`).
#[derive(Debug)]
pub struct CorePlayback {
    /// The playback.
    playback: Playback,
    /// The core's end of the views.
    sent: RefCell<SentView>,
    /// The page's end.
    received: RefCell<ReceivedView>,
}

thread_local! {
    /// Whether the core answers (each test runs on its own thread: ready unless it says not).
    static READY: Cell<bool> = const { Cell::new(true) };
}

/// Whether the core has loaded.
pub fn ready() -> bool {
    READY.with(Cell::get)
}

/// Natively there is no compiled module to hand to a worker (and no worker): `f` is never
/// called.
#[allow(dead_code)]
pub fn with_module(f: impl FnOnce(&wasm_bindgen::JsValue) + 'static) {
    drop(f);
}

/// Pretend the core has (not) loaded yet, for this thread.
#[cfg_attr(not(test), allow(dead_code))]
pub fn set_ready(ready: bool) {
    READY.with(|r| r.set(ready));
}

/// Load the core: linked already, so `done` hears at once.
#[cfg_attr(test, allow(dead_code))]
pub fn load(done: impl FnOnce(Result<(), String>) + 'static) {
    done(Ok(()));
}

/// Compile `source` and stand at step 0 (the compile errors, rendered, when it does not
/// compile); `None` while the core is not ready.
pub fn open(source: &str, config: OpenConfig) -> Option<Result<CorePlayback, String>> {
    ready().then(|| {
        core_api::open(source, config).map(|playback| CorePlayback {
            playback,
            sent: RefCell::default(),
            received: RefCell::default(),
        })
    })
}

/// The tests of a `_test.go` source; `None` while the core is not ready.
pub fn test_names(source: &str, lang: LangVersion) -> Option<Option<Vec<String>>> {
    ready().then(|| core_api::test_names(source, lang))
}

impl PlaybackPort for CorePlayback {
    fn view(&self) -> View {
        let update = self.sent.borrow_mut().update(self.playback.view());
        match self.received.borrow_mut().apply(update) {
            Ok(view) => view,
            Err(e) => panic!("{e}"),
        }
    }
    fn choices(&self) -> Vec<ChoiceView> {
        Playback::choices(&self.playback)
    }
    fn step(&mut self, choice: Choice) -> Result<(), StepError> {
        Playback::step(&mut self.playback, choice)
    }
    fn step_auto(&mut self) -> Result<(), StepError> {
        Playback::step_auto(&mut self.playback)
    }
    fn back(&mut self) -> Result<(), StepError> {
        Playback::back(&mut self.playback)
    }
    fn goto(&mut self, step: u64) -> Result<(), StepError> {
        Playback::goto(&mut self.playback, step)
    }
    fn reset(&mut self) {
        Playback::reset(&mut self.playback)
    }
    fn run_to_next_race_or_error(&mut self) -> RunStop {
        Playback::run_to_next_race_or_error(&mut self.playback)
    }
    fn replay_moves(&mut self, moves: &str) -> Result<(), StepError> {
        Playback::replay_moves(&mut self.playback, moves)
    }
    fn schedule(&self) -> String {
        Playback::schedule(&self.playback)
    }
    fn recorded_schedule(&self) -> String {
        Playback::recorded_schedule(&self.playback)
    }
    fn recorded_steps(&self) -> u64 {
        Playback::recorded_steps(&self.playback)
    }
    fn cursor(&self) -> u64 {
        Playback::cursor(&self.playback)
    }
}
