//! The messages between the page and the explorer worker, and how they travel: `postMessage`
//! carries them, encoded by [`Codec`] as plain JavaScript values (serde-wasm-bindgen; the
//! browser's structured clone copies them between the threads). A self-describing encoding, not
//! a positional one such as bincode: the core's result types leave empty fields out of their
//! JSON (`skip_serializing_if`), which a positional format cannot read back.

use racemap::compile::{CompileOptions, LangVersion};
use racemap::explore::coordinator::{FromDpor, FromStateful, ToDpor, ToStateful};
use racemap::explore::{ExploreProgress, ExploreResult};
use racemap::playback::contention::Contention;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Which search a message belongs to: the page's generation of the search (a "Find a bug"
/// search's, or a comparison's with the row). The page drops messages of any other ticket, so
/// a stale search's late message never reaches the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    /// The search's (or the comparison's) generation, from the page's reducer.
    pub generation: u64,
    /// The row of a comparison, `None` for "Find a bug".
    pub row: Option<u32>,
}

/// A search to make.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Task {
    /// "Find a bug": explore `source` with at most `budget` runs.
    Explore {
        /// The Go program.
        source: String,
        /// How to compile it.
        options: CompileOptions,
        /// Most runs.
        budget: u64,
        /// Most steps per run.
        max_steps: u64,
        /// The worker's side of the search on two workers, `None` on one.
        side: Option<Side>,
    },
    /// A row of "Compare strategies": measure the contention of `contention_runs` seeded runs,
    /// then explore with at most `budget` runs.
    Compare {
        /// The strategy's program.
        source: String,
        /// The Go version.
        lang: LangVersion,
        /// Most runs of the search.
        budget: u64,
        /// Seeded runs the contention figure sums over (seeds 1 to this).
        contention_runs: u64,
        /// Most steps per run.
        max_steps: u64,
    },
}

/// A worker's side of "Find a bug" on two workers (`racemap::explore::sides`): the page runs
/// the coordinator (`racemap::explore::coordinator`) and relays its commands and the sides'
/// replies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    /// DPOR, one turn ahead. Where the search does not run side by side, this worker makes the
    /// whole search on its own.
    Dpor,
    /// The stateful search. Where the search does not run side by side, this worker only says
    /// so.
    Stateful,
}

/// What the page sends the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// Start `task` (the worker drops the search it was making).
    Start {
        /// Tags every report of this search.
        ticket: Ticket,
        /// What to search.
        task: Task,
    },
    /// Warm the worker up: search the program on the page and the strategies' small programs,
    /// a few thousand steps each, so that the browser compiles and optimizes the explorer's
    /// code before the reader's first search (answered with [`Report::Warm`] under `ticket`;
    /// any `Start` replaces it).
    WarmUp {
        /// Tags the report.
        ticket: Ticket,
        /// The program on the page and its compile options, warmed up on first: the code its
        /// search runs is the likeliest to be needed first (`None`: the strategies' alone).
        program: Option<(String, CompileOptions)>,
    },
    /// Stop the search of `ticket`, if it is the one running.
    Stop {
        /// The search to stop.
        ticket: Ticket,
    },
    /// The coordinator's command to the DPOR side of `ticket`'s search.
    Dpor {
        /// The search.
        ticket: Ticket,
        /// The command.
        command: ToDpor,
    },
    /// The coordinator's command to the stateful side of `ticket`'s search.
    Stateful {
        /// The search.
        ticket: Ticket,
        /// The command.
        command: ToStateful,
    },
    /// Cancel the DPOR side's speculative turn (it will never be used).
    Cancel {
        /// The search.
        ticket: Ticket,
    },
}

/// What the worker sends the page: a report on the search of `ticket`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Output {
    /// The search it is about.
    pub ticket: Ticket,
    /// What happened.
    pub report: Report,
}

/// A report on a search.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Report {
    /// Where the search stands, `elapsed_ms` after it started (wall-clock milliseconds in the
    /// worker, for the page's runs per second).
    Progress {
        /// What it found so far.
        progress: ExploreProgress,
        /// Milliseconds since the search started.
        elapsed_ms: u64,
    },
    /// "Find a bug" finished.
    Explored(ExploreResult),
    /// A comparison's row finished: the search and the contention, or why it failed.
    Compared(Result<(ExploreResult, Contention), String>),
    /// "Find a bug" could not start (the program does not compile).
    Failed(String),
    /// The warm-up is over: the explorer's code has run (and the browser optimized its hot
    /// functions).
    Warm,
    /// A side's first report: whether the search runs side by side (else the DPOR side's
    /// worker makes the whole search alone, and the stateful side's is done). Each side makes
    /// its first turn at once.
    Sides {
        /// The search runs side by side.
        parallel: bool,
    },
    /// The DPOR side's reply to the coordinator.
    Dpor(FromDpor),
    /// The stateful side's reply to the coordinator.
    Stateful(FromStateful),
}

/// The explorer worker's message encoding: serde-wasm-bindgen (plain JavaScript values, which
/// the browser's structured clone copies between the threads).
#[derive(Debug)]
pub struct Codec;

impl Codec {
    /// `message` as a JavaScript value.
    pub fn encode<T: Serialize>(message: &T) -> JsValue {
        // Every message is ours and representable (no map with non-string keys, numbers
        // below 2^53); a failure would be a bug in racemap, sent as `null`.
        serde_wasm_bindgen::to_value(message).unwrap_or(JsValue::NULL)
    }

    /// The message `value` carries; an error for a value the other side of racemap's own
    /// channel did not send.
    pub fn decode<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
        serde_wasm_bindgen::from_value(value)
            .map_err(|e| format!("racemap's explorer worker: bad message: {e}"))
    }
}
