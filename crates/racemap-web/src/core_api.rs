//! What the page asks of the core to play a program, in one place for both ends.
//!
//! The page's own wasm does not link the core's compiler and machine: they are in the explorer
//! worker's wasm, which the page also instantiates in its main thread (the same file, so the
//! workers find it in the HTTP cache) and calls through that module's `#[wasm_bindgen]` exports
//! (`bin/explorer_worker/core_exports.rs`). This module holds the data that crosses between the
//! two modules ([`OpenConfig`]) and the two calls that do more than forward to
//! `racemap::playback::Playback` ([`open`], [`test_names`]); the exports and the native tests'
//! port (`services/core/native.rs`) both call them, so the page's reducer sees the same answers
//! natively and in the browser.

use racemap::compile::{CompileOptions, LangVersion};
use racemap::diag::SourceMap;
use racemap::playback::{Playback, PlaybackConfig, SchedulerMode};
use serde::{Deserialize, Serialize};

/// How the page opens a program.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenConfig {
    /// Who makes the automatic moves.
    pub scheduler: SchedulerMode,
    /// Most steps of the run.
    pub max_steps: u64,
    /// How to compile the source.
    pub compile: CompileOptions,
}

/// Compile `source` and stand at step 0; a program that does not compile gives its errors as
/// `go build` prints them (`prog.go:LINE:COL: message`, one a line, Go's "too many errors" cut).
pub fn open(source: &str, config: OpenConfig) -> Result<Playback, String> {
    let config = PlaybackConfig {
        scheduler: config.scheduler,
        max_steps: config.max_steps,
        compile: config.compile,
        ..PlaybackConfig::default()
    };
    Playback::new(source, config).map_err(|diagnostics| {
        let map = SourceMap::new(racemap::compile::DEFAULT_FILE_NAME, source);
        racemap::diag::render_all(&diagnostics, &map)
    })
}

/// The tests of `source` when it is a `_test.go` file with tests ([`racemap::compile::test_names`]).
pub fn test_names(source: &str, lang: LangVersion) -> Option<Vec<String>> {
    racemap::compile::test_names(source, lang)
}
