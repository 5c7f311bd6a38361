//! The app's state and its reducer.
//!
//! [`State`] is the single source of truth for the page; it changes only through [`Action`]s
//! applied by [`Reducible::reduce`](yew::Reducible::reduce) (`reduce.rs`). It holds the program (an example × workload, or the user's
//! own source), how moves are chosen, and the run: the core's playback (compiled program,
//! recorded moves, cursor and checkpoints, behind [`PlaybackPort`]) with the [`View`] and the
//! choices at the cursor. Components render the view; only the reducer moves the playback.
//!
//! The core loads after the page's first render (`services::core`): until then the program is
//! [`Program::Loading`], which shows its code and keeps what a link asked for (the test, the
//! moves, the step); [`Action::CoreReady`] compiles it and applies them.
//!
//! The URL hash is a serialization of everything a shared link must reproduce
//! ([`State::to_hash`] / [`State::from_hash`]): the program, the scheduler, the moves made and
//! the step. Opening the link replays the moves ([`PlaybackPort::replay_moves`]) and goes to the
//! step, so the reader sees exactly the view its author saw.

use std::rc::Rc;

use racemap::compile::{CompileOptions, LangVersion};
use racemap::explore::{ExploreProgress, ExploreResult};
use racemap::playback::contention::Contention;
use racemap::playback::{RunStop, SchedulerMode, StepError, View};
use racemap::sched::{Choice, Schedule};
use racemap::strategies::{Strategy, Workload};

use crate::services::core::{CorePlayback, PlaybackPort};
use crate::services::hash::{self, HashParams};

mod compare;
mod example;
mod exploration;
mod program;
mod reduce;
mod test_pick;
#[cfg(test)]
mod tests;

pub use compare::{crash_possible, Comparison, RowStatus, COMPARE_BUDGET, CONTENTION_RUNS};
pub use example::Example;
pub use exploration::{runs_per_second, Exploration, EXPLORE_BUDGET, MAX_EXPLORE_BUDGET};
#[cfg(test)]
use program::compile_errors;
pub use program::{CompileError, Pending, Program, Run};
pub use reduce::Action;
pub use test_pick::TestPick;

/// Most steps of a run in the browser (the run then ends with racemap's step-limit message).
pub const MAX_STEPS: u64 = 20_000;

/// The program of "Your own program" before the user types anything.
pub const BLANK_SOURCE: &str = "package main

import \"fmt\"

func main() {
\t// Write a program here: start goroutines, share a map, and step through it.
\tfmt.Println(\"hello\")
}
";

/// Who chooses the moves that Step, Play and "Run to next race or error" make. Clicking a
/// goroutine always makes that goroutine's move, whatever the scheduler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchedulerChoice {
    /// The user picks; Step moves the lowest runnable goroutine.
    Manual,
    /// Go-like random scheduling, reproducible from its seed (`racemap run --seed N`).
    Seeded(u64),
    /// A schedule found by the explorer (`racemap run --schedule S`).
    Replay(String),
}

impl SchedulerChoice {
    fn mode(&self) -> SchedulerMode {
        match self {
            SchedulerChoice::Manual => SchedulerMode::Manual,
            SchedulerChoice::Seeded(seed) => SchedulerMode::Seeded { seed: *seed },
            SchedulerChoice::Replay(schedule) => SchedulerMode::Replay {
                schedule: schedule.clone(),
            },
        }
    }
}

/// An `Rc` compared by identity: props that change only when the reducer made a new value, so
/// a component never deep-compares a 2 000-step view.
#[derive(Debug)]
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Shared<T> {
    /// Share `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl Shared<str> {
    /// Share a text.
    pub fn text(text: String) -> Shared<str> {
        Shared(Rc::from(text))
    }
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The example selected in the picker.
    pub example: Example,
    /// The workload the presets are generated for.
    pub workload: Workload,
    /// The Go source being played: the preset's program for the workload, or (with
    /// [`Example::Blank`]) the user's own.
    pub source: Shared<str>,
    /// The user's own program: the last one they ran (or a link brought), kept while a preset
    /// is shown so that picking "Your own program" brings it back.
    pub own_source: Shared<str>,
    /// Who chooses automatic moves.
    pub scheduler: SchedulerChoice,
    /// The program's run, or its compile errors.
    pub program: Program,
    /// Step automatically (Play).
    pub playing: bool,
    /// Delay between automatic steps while playing, in milliseconds.
    pub speed_ms: u32,
    /// Why the last control did nothing ("the run has ended"), shown next to the controls.
    pub notice: Option<String>,
    /// Where "Step through" landed and how to go on, shown next to the controls until the next
    /// move.
    pub note: Option<String>,
    /// The explorer's search.
    pub exploration: Exploration,
    /// Searches started so far (the next one's generation).
    pub explorations_started: u64,
    /// The explorer's worker has warmed up (`data-explorer="warm"` on the app; the browser
    /// benchmark waits for it as a reader would read the page first).
    pub explorer_warm: bool,
    /// Most runs a first "Find a bug" search makes ([`EXPLORE_BUDGET`] unless a link sets
    /// `budget=N`, e.g. to keep an embedded widget's search short).
    pub explore_budget: u64,
    /// The explorer schedule loaded last ("Step through"), offered again by the scheduler
    /// picker after the user switched to another scheduler.
    pub loaded_schedule: Option<String>,
    /// Compact layout for an iframe in a docs page (`#…&embed=1`).
    pub embed: bool,
    /// The Go language version the program is compiled as (the Go picker; `lang=go1.21` in a
    /// link): before Go 1.22 a loop's iterations share its variables.
    pub lang: LangVersion,
    /// "Compare strategies": the current workload through every strategy, when asked for.
    pub comparison: Option<Comparison>,
    /// Comparisons started so far (the next one's generation).
    pub comparisons_started: u64,
    /// When the source is a `_test.go` file (`TestXxx(t *testing.T)` functions, any package):
    /// its tests and the one run as the program (the test picker; `test=TestX` in a link).
    pub test: Option<TestPick>,
}

/// Speeds offered while playing: `(label, milliseconds per step)`.
pub const SPEEDS: [(&str, u32); 4] = [
    ("Slow", 900),
    ("Normal", 450),
    ("Fast", 150),
    ("Fastest", 30),
];

impl State {
    /// The program a URL hash names: `(example, workload, own program, source played)`.
    /// Unknown or malformed values fall back to defaults.
    fn program_from_hash(params: &HashParams) -> (Example, Workload, Shared<str>, Shared<str>) {
        let example = params
            .get("example")
            .and_then(Example::from_id)
            .unwrap_or(Example::Preset(Strategy::Unsynchronized));
        let number = |key: &str, default: u32| {
            params
                .get(key)
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(default)
        };
        let defaults = Workload::default();
        let workload = Workload {
            goroutines: number("goroutines", defaults.goroutines),
            ops_per_goroutine: number("ops", defaults.ops_per_goroutine),
            write_percent: number("writes", defaults.write_percent),
            keys: number("keys", defaults.keys),
        }
        .clamped();
        let code = params.get("code").map(hash::decode);
        // A link's code is the user's own program, unless it is the preset's (older links
        // carried edited presets under the preset's name).
        let example = match (&code, example) {
            (Some(code), Example::Preset(_)) if *code != example.source(workload) => Example::Blank,
            _ => example,
        };
        let own_source = Shared::text(code.unwrap_or_else(|| BLANK_SOURCE.to_string()));
        let source = match example {
            Example::Blank => own_source.clone(),
            Example::Preset(_) => Shared::text(example.source(workload)),
        };
        (example, workload, own_source, source)
    }

    /// Whether the URL hash `params` names the program shown now (whatever the moves and the
    /// step): then a new hash replaces the browser's history entry instead of adding one.
    pub fn shows_program_of(&self, params: &HashParams) -> bool {
        let (example, workload, _, source) = State::program_from_hash(params);
        State::lang_from_hash(params) == self.lang
            && params.get("test").map(hash::decode).as_deref() == self.test_name()
            && example == self.example
            && *source == *self.source
            && (example == Example::Blank || workload == self.workload)
    }

    /// The language version a URL hash names (`lang=go1.21`); the default when absent or
    /// malformed.
    fn lang_from_hash(params: &HashParams) -> LangVersion {
        params
            .get("lang")
            .and_then(|v| LangVersion::parse(v).ok())
            .unwrap_or_default()
    }

    /// The state a URL hash describes; unknown or malformed values fall back to defaults, and a
    /// link whose moves no longer apply stops at the last move that does (with a notice).
    pub fn from_hash(params: &HashParams) -> State {
        let (example, workload, own_source, source) = State::program_from_hash(params);
        let scheduler = if let Some(schedule) = params.get("schedule") {
            SchedulerChoice::Replay(schedule.to_string())
        } else if let Some(seed) = params.get("seed").and_then(|s| s.parse().ok()) {
            SchedulerChoice::Seeded(seed)
        } else {
            SchedulerChoice::Manual
        };
        let mut notice = None;
        let scheduler = match scheduler {
            SchedulerChoice::Replay(schedule) if Schedule::decode(&schedule).is_err() => {
                notice = Some("The link's schedule is malformed: you pick the moves.".to_string());
                SchedulerChoice::Manual
            }
            scheduler => scheduler,
        };
        let loaded_schedule = match &scheduler {
            SchedulerChoice::Replay(schedule) => Some(schedule.clone()),
            _ => None,
        };
        let lang = State::lang_from_hash(params);
        let pending = Pending {
            test: params.get("test").map(hash::decode),
            moves: params.get("moves").map(str::to_string),
            step: params.get("step").and_then(|s| s.parse::<u64>().ok()),
        };
        let (test, program, moves_notice) = State::start(&source, lang, &scheduler, pending);
        if moves_notice.is_some() {
            notice = moves_notice;
        }
        State {
            example,
            workload,
            source,
            own_source,
            scheduler,
            program,
            playing: false,
            speed_ms: SPEEDS[1].1,
            notice,
            note: None,
            exploration: Exploration::Idle,
            explorations_started: 0,
            explorer_warm: false,
            explore_budget: params
                .get("budget")
                .and_then(|b| b.parse::<u64>().ok())
                .map_or(EXPLORE_BUDGET, |b| b.clamp(1, MAX_EXPLORE_BUDGET)),
            loaded_schedule,
            embed: params
                .get("embed")
                .map_or(params.has("embed"), |v| v != "0" && v != "false"),
            lang,
            // A link made while comparing reopens the comparison (it runs again: a search is
            // deterministic, so it shows the same table).
            comparison: (params.has("compare") && matches!(example, Example::Preset(_)))
                .then(|| Comparison::new(workload, lang, 1)),
            comparisons_started: u64::from(params.has("compare")),
            test,
        }
    }

    /// The URL hash (without `#`) that reproduces this state.
    pub fn to_hash(&self) -> String {
        let mut params = HashParams::default();
        params.set("example", self.example.id());
        if let Example::Preset(_) = self.example {
            params.set("goroutines", &self.workload.goroutines.to_string());
            params.set("ops", &self.workload.ops_per_goroutine.to_string());
            params.set("writes", &self.workload.write_percent.to_string());
            params.set("keys", &self.workload.keys.to_string());
        }
        if self.example == Example::Blank {
            params.set("code", &hash::encode(&self.source));
        }
        if self.lang != LangVersion::DEFAULT {
            params.set("lang", &self.lang.to_string());
        }
        if let Some(test) = self.test_name() {
            params.set("test", &hash::encode(test));
        }
        match &self.scheduler {
            SchedulerChoice::Manual => {}
            SchedulerChoice::Seeded(seed) => params.set("seed", &seed.to_string()),
            SchedulerChoice::Replay(schedule) => params.set("schedule", schedule),
        }
        if let Program::Loading(pending) = &self.program {
            // What the link asked for, until the core has applied it.
            if let Some(moves) = &pending.moves {
                params.set("moves", moves);
            }
            if let Some(step) = pending.step {
                params.set("step", &step.to_string());
            }
        }
        if let Program::Running(run) = &self.program {
            let p = run.playback.borrow();
            // The moves up to the step, and the recorded ones after it (so a link made after
            // stepping back still lets the reader step forward through the same run).
            let moves = p.recorded_schedule();
            // Moves that only follow the explorer's schedule are implied by it.
            let implied = match &self.scheduler {
                SchedulerChoice::Replay(schedule) => is_prefix(&moves, schedule),
                _ => false,
            };
            let recorded = p.recorded_steps() > 0;
            if recorded && !implied {
                params.set("moves", &moves);
            }
            if recorded {
                params.set("step", &p.cursor().to_string());
            }
        }
        if self.explore_budget != EXPLORE_BUDGET {
            params.set("budget", &self.explore_budget.to_string());
        }
        if self.embed {
            params.set("embed", "1");
        }
        let comparing = self.comparison.as_ref().is_some_and(|c| {
            matches!(self.example, Example::Preset(_))
                && c.workload == self.workload
                && c.lang == self.lang
        });
        if comparing {
            params.set("compare", "1");
        }
        params.to_string()
    }

    /// How the source is compiled: the Go version, and the chosen test of a test file.
    pub fn compile_options(&self) -> CompileOptions {
        test_pick::compile_options(self.lang, self.test.as_ref(), &self.source)
    }

    /// The run, when the program compiles.
    pub fn run(&self) -> Option<&Run> {
        match &self.program {
            Program::Running(run) => Some(run),
            Program::Failed(_) | Program::Loading(_) => None,
        }
    }

    /// Whether the program waits for the core to load.
    pub fn loading(&self) -> bool {
        matches!(self.program, Program::Loading(_))
    }

    /// A fresh run of `source` (new program, new scheduler or reset): step 0, not playing.
    fn reload(&self, source: Shared<str>, scheduler: SchedulerChoice) -> State {
        let same_program = Rc::ptr_eq(&source.0, &self.source.0) || *source == *self.source;
        // An explorer schedule belongs to the program it was found for.
        let scheduler = match scheduler {
            SchedulerChoice::Replay(_) if !same_program => SchedulerChoice::Manual,
            scheduler => scheduler,
        };
        let keeps_exploration = same_program;
        let pending = Pending {
            test: self.test_name().map(str::to_string),
            ..Pending::default()
        };
        let (test, program, _) = State::start(&source, self.lang, &scheduler, pending);
        State {
            program,
            test,
            source,
            scheduler,
            playing: false,
            notice: None,
            note: None,
            exploration: if keeps_exploration {
                self.exploration.clone()
            } else {
                Exploration::Idle
            },
            loaded_schedule: if keeps_exploration {
                self.loaded_schedule.clone()
            } else {
                None
            },
            ..self.clone()
        }
    }

    /// A search of the current program with at most `budget` runs.
    fn start_exploring(&self, budget: u64) -> State {
        if self.run().is_none() {
            return self.clone();
        }
        State {
            exploration: Exploration::Running {
                generation: self.explorations_started,
                budget,
                progress: None,
                elapsed_ms: 0,
            },
            explorations_started: self.explorations_started + 1,
            ..self.clone()
        }
    }

    /// Apply `change` to the playback and show the new view; an error becomes the notice and
    /// stops playing.
    fn moved(&self, change: impl FnOnce(&mut CorePlayback) -> Result<(), String>) -> State {
        let Some(run) = self.run() else {
            return self.clone();
        };
        let result = change(&mut run.playback.borrow_mut());
        let mut next = State {
            program: Program::Running(Run::refresh(run.playback.clone())),
            notice: None,
            note: None,
            ..self.clone()
        };
        if let Err(message) = result {
            next.notice = Some(message);
            next.playing = false;
        }
        next
    }
}

/// Why a map crash happened, in one sentence, when the view shows it: the goroutine that made
/// the last step touched a map whose writing flag another goroutine's write still holds.
fn map_crash_reason(view: &View) -> Option<String> {
    let last = view.timeline.last()?;
    let map = view
        .maps
        .iter()
        .find(|m| m.writer.is_some_and(|w| w != last.go_id))?;
    let writer = map.writer?;
    let key = map
        .writing_key
        .as_ref()
        .map(|k| format!(" of {}[{k}]", map.name))
        .unwrap_or_default();
    Some(format!(
        " {} touched {} (line {}) while {}'s write{key} was still in flight.",
        capitalized(&crate::components::who(last.go_id)),
        map.name,
        last.line,
        crate::components::who(writer),
    ))
}

/// `text` with its first letter in upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What "Step through" shows: where the run ended (and why, for a map crash), and how to see
/// how it got there.
fn landing_note(view: &View) -> String {
    let end = match &view.ended {
        Some(end) => match &end.first_error_line {
            Some(line) if line.starts_with("fatal error: concurrent map") => format!(
                "This run stops at step {}: {line}.{}",
                view.step,
                map_crash_reason(view).unwrap_or_default()
            ),
            Some(line) => format!("This run stops at step {}: {line}.", view.step),
            None => format!(
                "This run exits with status {} at step {}.",
                end.exit_code, view.step
            ),
        },
        None => format!("The schedule ends at step {}.", view.step),
    };
    let races = match view.races.len() {
        0 => String::new(),
        1 => " The race report is in the Console, the racing lines are marked in the code.".into(),
        n => format!(
            " {n} race reports are in the Console, the racing lines are marked in the code."
        ),
    };
    format!("{end}{races} Step back or Reset to watch how it got there.")
}

/// Whether the encoded `moves` are the first moves of the encoded `schedule`.
fn is_prefix(moves: &str, schedule: &str) -> bool {
    match (Schedule::decode(moves), Schedule::decode(schedule)) {
        (Ok(moves), Ok(schedule)) => schedule.choices.starts_with(&moves.choices),
        _ => false,
    }
}

fn step_error(error: StepError) -> String {
    match error {
        StepError::Ended => "The run has ended. Step back, or Reset to start again.".into(),
        StepError::NotRunnable(_) => "That goroutine cannot move now.".into(),
        StepError::ScheduleExhausted => {
            "The explorer's schedule has no more moves: pick a goroutine to go on.".into()
        }
        StepError::AtStart => "Already at the first step.".into(),
        StepError::OutOfRange(step) => format!("Step {step} is beyond the step limit."),
    }
}
