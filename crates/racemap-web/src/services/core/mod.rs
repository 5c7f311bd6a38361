//! The core as the page's reducer uses it: compile a program, step it, read its view.
//!
//! The page's own wasm does not link the core's compiler and machine (about half the page's
//! code before, issue 12): in the browser they live in the explorer worker's wasm, which the
//! page loads a second time in its main thread right after its first render ([`load`]) and
//! calls synchronously through that module's exports (`js.rs`; the worker binary's
//! `core_exports.rs`). Until it has loaded, [`ready`] is false, [`open`] and [`test_names`]
//! answer `None`, and the page shows the program's code with "Loading the Go runtime…".
//!
//! [`PlaybackPort`] is what the reducer needs of a playback; [`CorePlayback`] is the
//! browser's (a handle on the other module's playback) or, natively, the core's own `Playback`
//! (`native.rs`, always ready): the reducer's tests drive the same code the page runs, and the
//! page's wasm never instantiates the native one, so the linker leaves it out.

use racemap::playback::{ChoiceView, RunStop, StepError, View};
use racemap::sched::Choice;
pub use racemap_web::core_api::OpenConfig;

#[cfg(target_arch = "wasm32")]
mod js;
#[cfg(not(target_arch = "wasm32"))]
mod native;

#[cfg(target_arch = "wasm32")]
pub use js::{load, open, ready, test_names, with_module, CorePlayback};
#[cfg(all(test, not(target_arch = "wasm32")))]
pub use native::set_ready;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{load, open, ready, test_names, with_module, CorePlayback};

/// What the reducer does with a playback: `racemap::playback::Playback`'s stepping API.
pub trait PlaybackPort {
    /// The view at the cursor.
    fn view(&self) -> View;
    /// Who can move now.
    fn choices(&self) -> Vec<ChoiceView>;
    /// The move `choice`.
    fn step(&mut self, choice: Choice) -> Result<(), StepError>;
    /// The scheduler's move.
    fn step_auto(&mut self) -> Result<(), StepError>;
    /// One step back.
    fn back(&mut self) -> Result<(), StepError>;
    /// To step `step` (the recorded moves stay).
    fn goto(&mut self, step: u64) -> Result<(), StepError>;
    /// Back to step 0 with no recorded moves.
    fn reset(&mut self);
    /// Automatic moves until a data race or the end of the run.
    fn run_to_next_race_or_error(&mut self) -> RunStop;
    /// Make the encoded `moves` from the cursor; stops at the first that does not apply.
    fn replay_moves(&mut self, moves: &str) -> Result<(), StepError>;
    /// The moves up to the cursor, encoded.
    fn schedule(&self) -> String;
    /// Every recorded move, past the cursor too, encoded.
    fn recorded_schedule(&self) -> String;
    /// How many moves are recorded.
    fn recorded_steps(&self) -> u64;
    /// The step at the cursor.
    fn cursor(&self) -> u64;
}
