//! The core as the page's main thread uses it: this wasm, instantiated a second time by the
//! page (`services/core/js.rs` in the page binary), exports the playback behind
//! [`CorePlayback`] and the two calls of `racemap_web::core_api`. The page's own wasm then links
//! none of the compiler and machine, only the views' data.
//!
//! Values cross as JavaScript values: views (as updates of the last one sent,
//! `racemap_web::core_api::ViewUpdate`), choices and errors serialized with serde-wasm-bindgen
//! (the page deserializes them into the same Rust types), strings and numbers as themselves. A
//! stepping call returns `null` when it moved, else its `StepError`.
//!
//! These exports live in the worker binary, never in the library both binaries link: an export
//! keeps its code alive, and the page's wasm must not carry the core.

use racemap::compile::LangVersion;
use racemap::playback::{Playback, StepError};
use racemap::rt::event::Gid;
use racemap::sched::Choice;
use racemap_web::core_api::{self, OpenConfig, SentView};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// `value` as a JavaScript value (`null` if it cannot be: never for the core's view types).
fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_wasm_bindgen::to_value(value).unwrap_or(JsValue::NULL)
}

/// A stepping call's answer: `null` when it moved, else the error.
fn moved(result: Result<(), StepError>) -> JsValue {
    match result {
        Ok(()) => JsValue::NULL,
        Err(error) => to_js(&error),
    }
}

/// One program played in the page: the core's `Playback`.
#[wasm_bindgen]
pub struct CorePlayback {
    /// The playback.
    playback: Playback,
    /// What the page has of the timeline and arrows.
    sent: SentView,
}

#[wasm_bindgen]
impl CorePlayback {
    /// The view at the cursor, as an update of the last one sent (`ViewUpdate`).
    pub fn view(&mut self) -> JsValue {
        to_js(&self.sent.update(self.playback.view()))
    }

    /// Who can move now (`Vec<ChoiceView>`).
    pub fn choices(&self) -> JsValue {
        to_js(&self.playback.choices())
    }

    /// Goroutine `gid`'s move, alternative `alt`.
    pub fn step(&mut self, gid: u32, alt: u32) -> JsValue {
        moved(self.playback.step(Choice { gid: Gid(gid), alt }))
    }

    /// The scheduler's move.
    pub fn step_auto(&mut self) -> JsValue {
        moved(self.playback.step_auto())
    }

    /// One step back.
    pub fn back(&mut self) -> JsValue {
        moved(self.playback.back())
    }

    /// To step `step`.
    pub fn goto(&mut self, step: u64) -> JsValue {
        moved(self.playback.goto(step))
    }

    /// Back to step 0, forgetting the moves.
    pub fn reset(&mut self) {
        self.playback.reset();
    }

    /// Automatic moves until a race or the end (`RunStop`).
    pub fn run_to_next_race_or_error(&mut self) -> JsValue {
        to_js(&self.playback.run_to_next_race_or_error())
    }

    /// Make the encoded `moves` from the cursor.
    pub fn replay_moves(&mut self, moves: &str) -> JsValue {
        moved(self.playback.replay_moves(moves))
    }

    /// The moves up to the cursor, encoded.
    pub fn schedule(&self) -> String {
        self.playback.schedule()
    }

    /// Every recorded move (past the cursor too), encoded.
    pub fn recorded_schedule(&self) -> String {
        self.playback.recorded_schedule()
    }

    /// How many moves are recorded.
    pub fn recorded_steps(&self) -> u64 {
        self.playback.recorded_steps()
    }

    /// The step the cursor is at.
    pub fn cursor(&self) -> u64 {
        self.playback.cursor()
    }
}

/// Compile `source` with `config` (an `OpenConfig`) and stand at step 0; throws the compile
/// errors as `go build` prints them (a string), or a message when `config` does not decode.
#[wasm_bindgen]
pub fn core_open(source: &str, config: JsValue) -> Result<CorePlayback, String> {
    let config: OpenConfig = serde_wasm_bindgen::from_value(config)
        .map_err(|e| format!("racemap internal error: bad playback config: {e}"))?;
    core_api::open(source, config).map(|playback| CorePlayback {
        playback,
        sent: SentView::default(),
    })
}

/// The tests of `source` compiled as Go `lang` (`go1.21`): an array of names, or `null` when it
/// is not a test file with tests.
#[wasm_bindgen]
pub fn core_test_names(source: &str, lang: &str) -> JsValue {
    let lang = LangVersion::parse(lang).unwrap_or_default();
    to_js(&core_api::test_names(source, lang))
}
