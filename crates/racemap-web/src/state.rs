//! The app's state and its reducer.
//!
//! [`State`] is the single source of truth for the page; it changes only through [`Action`]s
//! applied by [`Reducible::reduce`]. It holds the program (an example × workload, or the user's
//! own source), how moves are chosen, and the run: the core's [`Playback`] (compiled program,
//! recorded moves, cursor and checkpoints) with the [`View`] and the choices at the cursor.
//! Components render the view; only the reducer moves the playback.
//!
//! The URL hash is a serialization of everything a shared link must reproduce
//! ([`State::to_hash`] / [`State::from_hash`]): the program, the scheduler, the moves made and
//! the step. Opening the link replays the moves ([`Playback::replay_moves`]) and goes to the
//! step, so the reader sees exactly the view its author saw.

use std::cell::RefCell;
use std::rc::Rc;

use racemap::compile::{CompileOptions, LangVersion};
use racemap::diag::{Diagnostic, SourceMap};
use racemap::explore::{ExploreProgress, ExploreResult};
use racemap::playback::contention::Contention;
use racemap::playback::{
    ChoiceView, Playback, PlaybackConfig, RunStop, SchedulerMode, StepError, View,
};
use racemap::sched::{Choice, Schedule};
use racemap::strategies::{Strategy, Workload};
use yew::Reducible;

use crate::services::hash::{self, HashParams};

mod compare;
mod example;
mod exploration;
mod test_pick;

pub use compare::{crash_possible, Comparison, RowStatus, COMPARE_BUDGET, CONTENTION_RUNS};
pub use example::Example;
pub use exploration::{runs_per_second, Exploration, EXPLORE_BUDGET, MAX_EXPLORE_BUDGET};
pub use test_pick::TestPick;

/// The file name compile errors and race reports use.
pub const FILE_NAME: &str = racemap::compile::DEFAULT_FILE_NAME;

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

/// One compile error, placed on its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// `prog.go:LINE:COL: message`, as `go build` prints it.
    pub text: String,
}

/// A program being played.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// The core's playback. Only the reducer moves it.
    pub playback: Shared<RefCell<Playback>>,
    /// The view at the cursor.
    pub view: Shared<View>,
    /// Who can move now.
    pub choices: Shared<Vec<ChoiceView>>,
}

impl Run {
    fn refresh(playback: Shared<RefCell<Playback>>) -> Run {
        let (view, choices) = {
            let p = playback.borrow();
            (p.view(), p.choices())
        };
        Run {
            playback,
            view: Shared::new(view),
            choices: Shared::new(choices),
        }
    }
}

/// The program, compiled and running, or why it does not compile.
#[derive(Clone, Debug, PartialEq)]
pub enum Program {
    /// It compiles; this is its run.
    Running(Run),
    /// Compile errors, Go-style (at most 10, then `too many errors`).
    Failed(Shared<Vec<CompileError>>),
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

fn load_program(source: &str, scheduler: &SchedulerChoice, compile: CompileOptions) -> Program {
    let config = PlaybackConfig {
        scheduler: scheduler.mode(),
        max_steps: MAX_STEPS,
        compile,
        ..PlaybackConfig::default()
    };
    match Playback::new(source, config) {
        Ok(playback) => Program::Running(Run::refresh(Shared::new(RefCell::new(playback)))),
        Err(diagnostics) => Program::Failed(Shared::new(compile_errors(source, &diagnostics))),
    }
}

fn compile_errors(source: &str, diagnostics: &[Diagnostic]) -> Vec<CompileError> {
    let map = SourceMap::new(FILE_NAME, source);
    let rendered = racemap::diag::render_all(diagnostics, &map);
    // `render_all` applies Go's "too many errors" cut; keep its lines, placed by position.
    rendered
        .lines()
        .map(|text| {
            let mut parts = text.splitn(4, ':');
            let (_, line, col) = (parts.next(), parts.next(), parts.next());
            CompileError {
                line: line.and_then(|l| l.parse().ok()).unwrap_or(0),
                col: col.and_then(|c| c.parse().ok()).unwrap_or(0),
                text: text.to_string(),
            }
        })
        .collect()
}

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
            && params.get("test").map(hash::decode).as_deref()
                == self.test.as_ref().map(TestPick::name)
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
        let test = TestPick::of(
            &source,
            lang,
            params.get("test").map(hash::decode).as_deref(),
        );
        let compile = test_pick::compile_options(lang, test.as_ref(), &source);
        let mut program = load_program(&source, &scheduler, compile);
        if let Program::Running(run) = &program {
            {
                let mut p = run.playback.borrow_mut();
                if let Some(moves) = params.get("moves") {
                    if p.replay_moves(moves).is_err() {
                        notice = Some(format!(
                            "The link's moves stop applying after step {}.",
                            p.cursor()
                        ));
                    }
                }
                if let Some(step) = params.get("step").and_then(|s| s.parse::<u64>().ok()) {
                    // Going back keeps the moves past the step, so Step redoes them.
                    let _ = p.goto(step);
                }
            }
            program = Program::Running(Run::refresh(run.playback.clone()));
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
        if let Some(test) = &self.test {
            params.set("test", &hash::encode(test.name()));
        }
        match &self.scheduler {
            SchedulerChoice::Manual => {}
            SchedulerChoice::Seeded(seed) => params.set("seed", &seed.to_string()),
            SchedulerChoice::Replay(schedule) => params.set("schedule", schedule),
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
            Program::Failed(_) => None,
        }
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
        let test = TestPick::of(&source, self.lang, self.test.as_ref().map(TestPick::name));
        State {
            program: load_program(
                &source,
                &scheduler,
                test_pick::compile_options(self.lang, test.as_ref(), &source),
            ),
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
    fn moved(&self, change: impl FnOnce(&mut Playback) -> Result<(), String>) -> State {
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

/// A change to the [`State`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The user picked an example.
    SelectExample(Example),
    /// The user changed the workload.
    SetWorkload(Workload),
    /// The user picked another Go language version.
    SetLang(LangVersion),
    /// The user picked another test of a test file to run as the program.
    SelectTest(String),
    /// The user ran their edited source.
    SetSource(String),
    /// The user chose another scheduler.
    SetScheduler(SchedulerChoice),
    /// One automatic move.
    Step,
    /// The move of one goroutine (the user is the scheduler).
    StepChoice(Choice),
    /// One step back.
    Back,
    /// Jump to a step (timeline click).
    Goto(u64),
    /// Back to step 0 with no recorded moves.
    Reset,
    /// Automatic moves until a data race is found or the run ends.
    RunToNextRaceOrError,
    /// Start or stop playing.
    TogglePlay,
    /// One tick of the play timer.
    Tick,
    /// Playing speed (ms per step).
    SetSpeed(u32),
    /// The URL hash changed (link pasted, back button).
    LoadHash(HashParams),
    /// Start the explorer on the current program.
    StartExploring,
    /// Search again with a larger budget, after a search stopped at its budget.
    SearchFurther,
    /// The explorer's progress.
    ExploreProgress {
        /// The search it belongs to.
        generation: u64,
        /// What it found so far.
        progress: ExploreProgress,
        /// Milliseconds since it started (the worker's clock).
        elapsed_ms: u64,
    },
    /// The explorer finished (or was stopped).
    ExploreFinished {
        /// The search it belongs to.
        generation: u64,
        /// Its result.
        result: ExploreResult,
    },
    /// Stop the explorer.
    StopExploring,
    /// Play an outcome's schedule from step 0.
    LoadSchedule(String),
    /// Compare every strategy on the current workload.
    StartComparing,
    /// A comparison's search of one strategy made progress.
    CompareProgress {
        /// The comparison it belongs to.
        generation: u64,
        /// The strategy's row.
        index: usize,
        /// What it found so far.
        progress: ExploreProgress,
        /// Milliseconds since the row's search started (the worker's clock).
        elapsed_ms: u64,
    },
    /// A comparison's row is finished: its search and contention, or why it failed.
    CompareFinished {
        /// The comparison it belongs to.
        generation: u64,
        /// The strategy's row.
        index: usize,
        /// The search's result and the contention measured, or an error.
        outcome: Result<(ExploreResult, Contention), String>,
    },
    /// Stop the comparison (finished rows stay).
    StopComparing,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::SelectExample(example) => {
                let source = match example {
                    Example::Blank => self.own_source.clone(),
                    Example::Preset(_) => Shared::text(example.source(self.workload)),
                };
                State {
                    example,
                    ..self.reload(source, self.scheduler.clone())
                }
            }
            Action::SetLang(lang) => {
                // Another program: the search and an explorer schedule were the old one's.
                let scheduler = match &self.scheduler {
                    SchedulerChoice::Replay(_) => SchedulerChoice::Manual,
                    scheduler => scheduler.clone(),
                };
                let base = State {
                    lang,
                    exploration: Exploration::Idle,
                    loaded_schedule: None,
                    ..(*self).clone()
                };
                base.reload(base.source.clone(), scheduler)
            }
            Action::SelectTest(name) => {
                let Some(test) = self.test.as_ref().and_then(|t| t.choose(&name)) else {
                    return self;
                };
                // Another program: the search and an explorer schedule were the old test's.
                let scheduler = match &self.scheduler {
                    SchedulerChoice::Replay(_) => SchedulerChoice::Manual,
                    scheduler => scheduler.clone(),
                };
                let base = State {
                    test: Some(test),
                    exploration: Exploration::Idle,
                    loaded_schedule: None,
                    ..(*self).clone()
                };
                base.reload(base.source.clone(), scheduler)
            }
            Action::SetWorkload(workload) => {
                let workload = workload.clamped();
                match self.example {
                    // The workload generates presets only: the user's program stays.
                    Example::Blank => State {
                        workload,
                        ..(*self).clone()
                    },
                    Example::Preset(_) => State {
                        workload,
                        ..self.reload(
                            Shared::text(self.example.source(workload)),
                            self.scheduler.clone(),
                        )
                    },
                }
            }
            Action::SetSource(text) => {
                // Running the preset's own text unchanged keeps the preset; anything else is
                // the user's program from now on.
                if self.example != Example::Blank && text == *self.source {
                    return Rc::new(self.reload(self.source.clone(), self.scheduler.clone()));
                }
                let source = Shared::text(text);
                State {
                    example: Example::Blank,
                    own_source: source.clone(),
                    ..self.reload(source, self.scheduler.clone())
                }
            }
            Action::SetScheduler(scheduler) => {
                // Keep the position: the moves made so far are replayed under the new
                // scheduler, which takes over from there. An explorer schedule that does not
                // continue them starts from step 0 instead (mixing two runs would reach
                // neither's outcome).
                let moves = self.run().map(|r| r.playback.borrow().schedule());
                let restart = match (&scheduler, &moves) {
                    (SchedulerChoice::Replay(schedule), Some(moves)) => !is_prefix(moves, schedule),
                    _ => false,
                };
                let moves = if restart { None } else { moves };
                let next = self.reload(self.source.clone(), scheduler);
                let next = State {
                    notice: restart.then(|| {
                        "The explorer's schedule starts from step 0: the moves made so far are not its own.".to_string()
                    }),
                    ..next
                };
                match (moves, next.run()) {
                    (Some(moves), Some(run)) => {
                        let _ = run.playback.borrow_mut().replay_moves(&moves);
                        State {
                            program: Program::Running(Run::refresh(run.playback.clone())),
                            ..next
                        }
                    }
                    _ => next,
                }
            }
            Action::Step => self.moved(|p| p.step_auto().map_err(step_error)),
            Action::StepChoice(choice) => State {
                playing: false,
                ..self.moved(|p| p.step(choice).map_err(step_error))
            },
            Action::Back => State {
                playing: false,
                ..self.moved(|p| p.back().map_err(step_error))
            },
            Action::Goto(step) => State {
                playing: false,
                ..self.moved(|p| p.goto(step).map_err(step_error))
            },
            Action::Reset => State {
                playing: false,
                ..self.moved(|p| {
                    p.reset();
                    Ok(())
                })
            },
            Action::RunToNextRaceOrError => State {
                playing: false,
                ..self.moved(|p| match p.run_to_next_race_or_error() {
                    RunStop::Race | RunStop::Ended => Ok(()),
                    RunStop::Paused => Err(step_error(StepError::ScheduleExhausted)),
                })
            },
            Action::TogglePlay => {
                if self.playing {
                    State {
                        playing: false,
                        ..(*self).clone()
                    }
                } else {
                    let ended = self.run().is_some_and(|r| r.view.ended.is_some());
                    State {
                        playing: self.run().is_some() && !ended,
                        notice: ended.then(|| step_error(StepError::Ended)),
                        ..(*self).clone()
                    }
                }
            }
            Action::Tick if self.playing => {
                let next = self.moved(|p| p.step_auto().map_err(step_error));
                let ended = next.run().is_some_and(|r| r.view.ended.is_some());
                State {
                    playing: next.playing && !ended,
                    ..next
                }
            }
            Action::Tick => return self,
            Action::SetSpeed(speed_ms) => State {
                speed_ms,
                ..(*self).clone()
            },
            Action::LoadHash(params) => {
                if params.to_string() == self.to_hash() {
                    return self;
                }
                let next = State::from_hash(&params);
                if params.has("code") {
                    next
                } else {
                    // Back or Forward to an example: the user's own program stays at hand for
                    // "Your own program".
                    State {
                        own_source: self.own_source.clone(),
                        ..next
                    }
                }
            }
            Action::StartComparing => State {
                comparison: Some(Comparison::new(
                    self.workload,
                    self.lang,
                    self.comparisons_started + 1,
                )),
                comparisons_started: self.comparisons_started + 1,
                ..(*self).clone()
            },
            Action::CompareProgress {
                generation,
                index,
                progress,
                elapsed_ms,
            } => match self
                .comparison
                .as_ref()
                .and_then(|c| c.progress(generation, index, progress, elapsed_ms))
            {
                Some(comparison) => State {
                    comparison: Some(comparison),
                    ..(*self).clone()
                },
                None => return self,
            },
            Action::CompareFinished {
                generation,
                index,
                outcome,
            } => match self
                .comparison
                .as_ref()
                .and_then(|c| c.finished(generation, index, outcome))
            {
                Some(comparison) => State {
                    comparison: Some(comparison),
                    ..(*self).clone()
                },
                None => return self,
            },
            Action::StopComparing => match &self.comparison {
                Some(c) if c.is_running() => State {
                    comparison: Some(c.stop()),
                    ..(*self).clone()
                },
                _ => return self,
            },
            Action::StartExploring => self.start_exploring(self.explore_budget),
            Action::SearchFurther => match self.exploration.further_budget() {
                Some(budget) => self.start_exploring(budget),
                None => return self,
            },
            Action::ExploreProgress {
                generation,
                progress,
                elapsed_ms,
            } => match self.exploration.progress(generation, progress, elapsed_ms) {
                Some(exploration) => State {
                    exploration,
                    ..(*self).clone()
                },
                None => return self,
            },
            Action::ExploreFinished { generation, result } => {
                match self.exploration.finished(generation, result) {
                    Some(exploration) => State {
                        exploration,
                        ..(*self).clone()
                    },
                    None => return self,
                }
            }
            Action::StopExploring => match self.exploration.stop() {
                Some(exploration) => State {
                    exploration,
                    ..(*self).clone()
                },
                None => return self,
            },
            Action::LoadSchedule(schedule) => {
                let loaded = State {
                    loaded_schedule: Some(schedule.clone()),
                    ..self.reload(self.source.clone(), SchedulerChoice::Replay(schedule))
                };
                // Land where the outcome shows itself: the end of its run. Step back and Reset
                // walk through how it got there.
                let mut landed = loaded.moved(|p| {
                    while p.run_to_next_race_or_error() == RunStop::Race {}
                    Ok(())
                });
                landed.note = landed.run().map(|run| landing_note(&run.view));
                landed
            }
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    //! The reducer as the page drives it. (Natively: nothing here touches the browser, so
    //! these avoid user-edited sources, whose hash encoding is the browser's.)

    use super::*;
    use expect_test::expect;
    use racemap::explore::{DporConfig, Explorer};

    fn state(hash: &str) -> Rc<State> {
        Rc::new(State::from_hash(&HashParams::parse(hash)))
    }

    fn apply(state: Rc<State>, actions: &[Action]) -> Rc<State> {
        actions
            .iter()
            .fold(state, |s, action| s.reduce(action.clone()))
    }

    fn view(state: &State) -> View {
        (*state.run().expect("the program compiles").view.0).clone()
    }

    /// Every outcome of the unsynchronized example (default workload), from a complete search.
    fn unsynchronized_outcomes() -> Vec<racemap::explore::Outcome> {
        let source = Strategy::Unsynchronized.source(Workload::default());
        let mut explorer =
            Explorer::for_source(&source, &Default::default(), &DporConfig::default())
                .expect("compiles");
        explorer.advance(u64::MAX);
        explorer.into_result().outcomes
    }

    #[test]
    fn a_link_reopens_the_same_view_and_the_same_future() {
        let mut s = state("example=mutex&goroutines=3&seed=2");
        s = apply(s, &vec![Action::Step; 9]);
        // The user picks a goroutine: the last runnable one.
        let pick = s.run().unwrap().choices.last().unwrap().choice;
        s = apply(
            s,
            &[
                Action::StepChoice(pick),
                Action::Step,
                Action::Back,
                Action::Back,
            ],
        );
        assert_eq!(view(&s).step, 9);
        let link = s.to_hash();
        assert!(link.starts_with("example=mutex&goroutines=3&ops=2&writes=50&keys=2&seed=2&moves="));
        assert!(link.ends_with("&step=9"), "{link}");

        let reopened = state(&link);
        assert_eq!(reopened.to_hash(), link);
        assert_eq!(view(&reopened), view(&s));
        // Step forward redoes the recorded moves in both.
        let (a, b) = (
            apply(s, &[Action::Step, Action::Step]),
            apply(reopened, &[Action::Step, Action::Step]),
        );
        assert_eq!(view(&a), view(&b));
        assert_eq!(view(&a).step, 11);
    }

    #[test]
    fn hash_of_a_fresh_example() {
        expect![["example=unsynchronized&goroutines=2&ops=2&writes=50&keys=2"]]
            .assert_eq(&state("").to_hash());
        expect![["example=sharded&goroutines=8&ops=20&writes=100&keys=1&embed=1"]].assert_eq(
            &state("example=sharded&goroutines=99&ops=20&writes=250&keys=0&embed").to_hash(),
        );
        expect![["example=mutex&goroutines=2&ops=2&writes=50&keys=2&budget=50"]]
            .assert_eq(&state("example=mutex&budget=50").to_hash());
        // Junk falls back to defaults instead of failing.
        expect![["example=unsynchronized&goroutines=2&ops=2&writes=50&keys=2"]]
            .assert_eq(&state("example=nope&goroutines=x&step=zz&moves=%%").to_hash());
    }

    #[test]
    fn the_go_version_is_part_of_the_link_and_of_the_program() {
        expect![["example=mutex&goroutines=2&ops=2&writes=50&keys=2&lang=go1.21"]]
            .assert_eq(&state("example=mutex&lang=1.21").to_hash());
        // The default version is implied; a version that is not one falls back to it.
        expect![["example=mutex&goroutines=2&ops=2&writes=50&keys=2"]]
            .assert_eq(&state("example=mutex&lang=go9").to_hash());
        let old = state("example=mutex&lang=go1.21");
        assert!(!old.shows_program_of(&HashParams::parse("example=mutex")));
        assert!(old.shows_program_of(&HashParams::parse("example=mutex&lang=go1.21")));
    }

    #[test]
    fn picking_go_1_21_shares_loop_variables_and_drops_the_old_search() {
        let source = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdone := make(chan int, 2)\n\tfor i := 0; i < 2; i++ {\n\t\tgo func() { done <- i }()\n\t}\n\tfmt.Println(<-done + <-done)\n}\n";
        let modern = apply(
            state(""),
            &[
                Action::SetSource(source.to_string()),
                Action::StartExploring,
            ],
        );
        assert!(matches!(modern.exploration, Exploration::Running { .. }));
        let old = modern.clone().reduce(Action::SetLang(LangVersion::GO1_21));
        assert_eq!(old.lang, LangVersion::GO1_21);
        assert_eq!(*old.source, *source, "the user's program stays");
        assert!(matches!(old.exploration, Exploration::Idle));
        let races = |s: Rc<State>| view(&s.reduce(Action::RunToNextRaceOrError)).races.len();
        assert_eq!(races(modern), 0);
        assert_eq!(
            races(old),
            1,
            "the goroutine reads `i` while the loop's i++ writes it"
        );
    }

    #[test]
    fn changing_the_scheduler_keeps_the_position() {
        let s = apply(state("example=rwmutex"), &vec![Action::Step; 6]);
        let before = view(&s);
        let s = s.reduce(Action::SetScheduler(SchedulerChoice::Seeded(9)));
        assert_eq!(s.scheduler, SchedulerChoice::Seeded(9));
        assert_eq!(view(&s), before);
        assert!(s.to_hash().contains("&seed=9&moves="));
    }

    #[test]
    fn an_explored_crash_schedule_is_stepped_to_the_fatal_error() {
        let crash = unsynchronized_outcomes()
            .into_iter()
            .find(|o| o.error.as_deref() == Some("fatal error: concurrent map writes"))
            .expect("the explorer finds the crash");
        // "Step through" lands on the crash, and says so.
        let landed =
            state("example=unsynchronized").reduce(Action::LoadSchedule(crash.schedule.clone()));
        assert_eq!(
            landed.scheduler,
            SchedulerChoice::Replay(crash.schedule.clone())
        );
        let at_crash = view(&landed);
        let ended = at_crash.ended.clone().expect("the run ended");
        assert_eq!(ended.exit_code, 2);
        assert_eq!(
            ended.first_error_line.as_deref(),
            Some("fatal error: concurrent map writes")
        );
        let note = landed.note.clone().unwrap_or_default();
        let crasher = at_crash.timeline.last().expect("steps").clone();
        let writer = at_crash.maps[0].writer.expect("the writing flag is set");
        assert_eq!(
            note,
            format!(
                "This run stops at step {}: fatal error: concurrent map writes. Goroutine {} \
                 touched m (line {}) while goroutine {writer}'s write of m[{}] was still in \
                 flight. The race report is in the Console, the racing lines are marked in the \
                 code. Step back or Reset to watch how it got there.",
                at_crash.step,
                crasher.go_id,
                crasher.line,
                at_crash.maps[0]
                    .writing_key
                    .clone()
                    .expect("the key being written"),
            )
        );
        assert_ne!(crasher.go_id, writer);
        // From the start, the same run shows the race first, then the crash.
        let s = apply(landed, &[Action::Reset]);
        assert_eq!(s.note, None, "the note goes with the first move");
        let s = apply(s, &[Action::RunToNextRaceOrError]);
        assert_eq!(view(&s).races.len(), 1, "stops at the race first");
        assert!(view(&s).ended.is_none());
        let s = apply(s, &[Action::RunToNextRaceOrError]);
        assert_eq!(view(&s), at_crash);
        // The moves are the schedule's own: the link needs only the schedule and the step.
        assert!(!s.to_hash().contains("moves="), "{}", s.to_hash());
        let reopened = state(&s.to_hash());
        assert_eq!(view(&reopened), view(&s));
        // Nothing moves after the end; the notice says why.
        let s = s.reduce(Action::Step);
        assert_eq!(
            s.notice.as_deref(),
            Some("The run has ended. Step back, or Reset to start again.")
        );
    }

    #[test]
    fn an_explorer_schedule_that_does_not_continue_the_moves_starts_from_step_0() {
        let outcomes = unsynchronized_outcomes();
        let schedule = outcomes.last().expect("outcomes").schedule.clone();
        // Moves that the schedule does not start with: always the highest goroutine.
        let mut s = state("example=unsynchronized");
        for _ in 0..8 {
            let pick = s.run().unwrap().choices.last().unwrap().choice;
            s = s.reduce(Action::StepChoice(pick));
        }
        let s = s.reduce(Action::SetScheduler(SchedulerChoice::Replay(
            schedule.clone(),
        )));
        assert_eq!(view(&s).step, 0);
        assert!(s
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("starts from step 0"));
        // Its own moves are kept: step 3 of the schedule, then switching to it again.
        let s = apply(s, &vec![Action::Step; 3]);
        let s = s
            .reduce(Action::SetScheduler(SchedulerChoice::Manual))
            .reduce(Action::SetScheduler(SchedulerChoice::Replay(schedule)));
        assert_eq!(view(&s).step, 3);
        assert_eq!(s.notice, None);
    }

    #[test]
    fn a_new_program_drops_the_old_programs_schedule_but_keeps_a_seed() {
        let s = state("example=unsynchronized").reduce(Action::LoadSchedule("1AQIFAgkC".into()));
        assert!(matches!(s.scheduler, SchedulerChoice::Replay(_)));
        assert_eq!(s.loaded_schedule.as_deref(), Some("1AQIFAgkC"));
        let s = s.reduce(Action::SetWorkload(Workload {
            goroutines: 3,
            ..Workload::default()
        }));
        assert_eq!(s.scheduler, SchedulerChoice::Manual);
        assert_eq!(s.loaded_schedule, None);
        let s = s
            .reduce(Action::SetScheduler(SchedulerChoice::Seeded(4)))
            .reduce(Action::SelectExample(Example::Preset(Strategy::Mutex)));
        assert_eq!(s.scheduler, SchedulerChoice::Seeded(4));
    }

    #[test]
    fn the_users_program_stays_theirs_across_examples_and_workloads() {
        let mine = "package main\n\nfunc main() {\n\tm := map[int]int{}\n\tm[1] = 2\n}\n";
        let s = state("example=mutex&goroutines=3").reduce(Action::SetSource(mine.into()));
        assert_eq!(
            s.example,
            Example::Blank,
            "the picker says: Your own program"
        );
        assert_eq!(&*s.source, mine);
        // A workload change does not replace the user's program (it only generates presets).
        let s = s.reduce(Action::SetWorkload(Workload {
            goroutines: 4,
            ..Workload::default()
        }));
        assert_eq!(&*s.source, mine);
        // Another example, another workload: picking "Your own program" brings it back.
        let s = s.reduce(Action::SelectExample(Example::Preset(Strategy::Sharded)));
        assert_eq!(*s.source, Strategy::Sharded.source(s.workload));
        let s = s.reduce(Action::SetWorkload(Workload {
            goroutines: 2,
            ..Workload::default()
        }));
        assert_eq!(&*s.source, &Strategy::Sharded.source(s.workload));
        let s = s.reduce(Action::SelectExample(Example::Blank));
        assert_eq!(&*s.source, mine);
        // Running a preset's own text unchanged keeps the preset.
        let s = state("example=mutex");
        let text = s.source.to_string();
        let s = s.reduce(Action::SetSource(text));
        assert_eq!(s.example, Example::Preset(Strategy::Mutex));
    }

    #[test]
    fn only_another_program_is_a_new_history_entry() {
        let s = apply(
            state("example=mutex&goroutines=3"),
            &[Action::Step, Action::Step],
        );
        let same = |hash: &str| s.shows_program_of(&HashParams::parse(hash));
        assert!(same(&s.to_hash()));
        assert!(same("example=mutex&goroutines=3"), "defaults fill the rest");
        assert!(same(
            "example=mutex&goroutines=3&ops=2&seed=4&moves=AQ&step=1"
        ));
        assert!(!same("example=mutex"));
        assert!(!same("example=sharded&goroutines=3"));
    }

    #[test]
    fn a_search_stopped_by_its_budget_can_search_further() {
        let result = |complete: bool| ExploreResult {
            complete,
            limit: (!complete).then_some(racemap::explore::SearchLimit::MaxExecutions),
            executions: EXPLORE_BUDGET,
            race: false,
            deadlock: false,
            outcomes: Vec::new(),
        };
        let done = |complete, budget, stopped| State {
            exploration: Exploration::Done {
                result: Shared::new(result(complete)),
                budget,
                stopped,
            },
            ..(*state("example=mutex")).clone()
        };
        let s = Rc::new(done(false, EXPLORE_BUDGET, false)).reduce(Action::SearchFurther);
        assert!(matches!(
            s.exploration,
            Exploration::Running {
                budget: 100_000,
                progress: None,
                ..
            }
        ));
        for finished in [
            done(true, EXPLORE_BUDGET, false),
            done(false, EXPLORE_BUDGET, true),
            done(false, MAX_EXPLORE_BUDGET, false),
        ] {
            assert_eq!(finished.exploration.further_budget(), None);
            let before = Rc::new(finished);
            let after = before.clone().reduce(Action::SearchFurther);
            assert!(Rc::ptr_eq(&before, &after), "nothing to search further");
        }
    }

    #[test]
    fn links_with_bad_or_explicit_values() {
        let s = state("example=mutex&schedule=!!!&embed=0");
        assert_eq!(s.scheduler, SchedulerChoice::Manual);
        assert_eq!(
            s.notice.as_deref(),
            Some("The link's schedule is malformed: you pick the moves.")
        );
        assert!(!s.embed);
        assert!(state("example=mutex&embed=1").embed);
        assert!(state("example=mutex&embed").embed);
    }

    #[test]
    fn playing_stops_at_the_end_and_ticks_do_nothing_when_paused() {
        let mut s = state("example=mutex&seed=3").reduce(Action::TogglePlay);
        assert!(s.playing);
        for _ in 0..1000 {
            if !s.playing {
                break;
            }
            s = s.reduce(Action::Tick);
        }
        assert!(!s.playing);
        assert!(view(&s).ended.is_some());
        let paused = s.clone().reduce(Action::Tick);
        assert!(
            Rc::ptr_eq(&paused, &s),
            "a tick while paused changes nothing"
        );
        assert!(
            s.reduce(Action::TogglePlay).notice.is_some(),
            "cannot play a finished run"
        );
    }

    #[test]
    fn explorer_reports_of_an_old_search_are_ignored() {
        let s = state("example=mutex").reduce(Action::StartExploring);
        let s = s
            .reduce(Action::StopExploring)
            .reduce(Action::StartExploring);
        let Exploration::Running { generation, .. } = s.exploration else {
            panic!("running");
        };
        assert_eq!(generation, 1);
        let stale = ExploreResult {
            complete: true,
            limit: None,
            executions: 1,
            race: true,
            deadlock: false,
            outcomes: Vec::new(),
        };
        let after = s.clone().reduce(Action::ExploreFinished {
            generation: 0,
            result: stale.clone(),
        });
        assert!(matches!(after.exploration, Exploration::Running { .. }));
        let after = after.reduce(Action::ExploreFinished {
            generation: 1,
            result: stale,
        });
        assert!(matches!(
            after.exploration,
            Exploration::Done {
                stopped: false,
                budget: EXPLORE_BUDGET,
                ..
            }
        ));
    }

    #[test]
    fn compile_errors_are_placed_on_their_lines() {
        let errors = compile_errors(
            "package main\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n",
            &racemap::compile::compile("package main\n\nfunc main() {\n\tx := 1\n\ty = 2\n}\n")
                .expect_err("does not compile"),
        );
        let placed: Vec<(u32, u32, &str)> = errors
            .iter()
            .map(|e| (e.line, e.col, e.text.as_str()))
            .collect();
        assert_eq!(
            placed,
            [
                (4, 2, "prog.go:4:2: x declared but not used"),
                (5, 2, "prog.go:5:2: undefined: y"),
            ]
        );
    }

    const TEST_FILE: &str = "package cache\n\nimport \"testing\"\n\nfunc TestQuiet(t *testing.T) {\n\tt.Log(\"quiet\")\n}\n\nfunc TestRacy(t *testing.T) {\n\tn := 0\n\tdone := make(chan bool)\n\tgo func() {\n\t\tn++\n\t\tdone <- true\n\t}()\n\tn++\n\t<-done\n}\n";

    #[test]
    fn a_test_file_offers_its_tests_and_runs_the_chosen_one() {
        let s = apply(
            state("example=mutex"),
            &[Action::SetSource(TEST_FILE.to_string())],
        );
        let test = s.test.clone().expect("a test file");
        assert_eq!(&*test.names, ["TestQuiet", "TestRacy"]);
        assert_eq!(test.name(), "TestQuiet");
        // The first test runs on its own goroutine (7, as under go test -race), started by the
        // main goroutine's testing.(*T).Run: it logs and passes.
        let end = apply(s.clone(), &[Action::RunToNextRaceOrError]);
        let ids: Vec<u64> = view(&end).goroutines.iter().map(|g| g.go_id).collect();
        assert_eq!(ids, [1, 7]);
        assert!(view(&end).console.stdout.contains("quiet"));
        // Picking the other test runs it: the goroutine it starts is 8, as under go test -race.
        let racy = apply(
            s,
            &[
                Action::SelectTest("TestRacy".into()),
                Action::RunToNextRaceOrError,
            ],
        );
        assert_eq!(racy.test.as_ref().map(TestPick::name), Some("TestRacy"));
        let v = view(&racy);
        assert!(
            v.goroutines.iter().any(|g| g.go_id == 8),
            "{:?}",
            v.goroutines
        );
        assert_eq!(v.races.len(), 1);
        // A test file with an error shows the test file's error, on its line.
        let broken = TEST_FILE.replace("n := 0", "n := undefinedName");
        let s = apply(racy.clone(), &[Action::SetSource(broken)]);
        assert!(s.test.is_none());
        match &s.program {
            Program::Failed(errors) => {
                assert_eq!(errors.len(), 1, "{errors:?}");
                assert_eq!(errors[0].text, "prog.go:10:7: undefined: undefinedName");
            }
            Program::Running(_) => panic!("compiles"),
        }
        // An unknown test changes nothing; a program has no tests.
        let same = apply(racy.clone(), &[Action::SelectTest("TestNone".into())]);
        assert!(Rc::ptr_eq(&same, &racy));
        assert!(state("example=mutex").test.is_none());
    }

    #[test]
    fn a_link_made_while_comparing_reopens_the_comparison() {
        let s = apply(
            state("example=rwmutex&goroutines=3"),
            &[Action::StartComparing],
        );
        let link = s.to_hash();
        assert!(link.ends_with("&compare=1"), "{link}");
        let reopened = state(&link);
        let c = reopened.comparison.as_ref().expect("comparing");
        assert_eq!(c.workload, s.workload);
        assert!(c.is_running());
        assert_eq!(reopened.to_hash(), link);
        // Another workload: the comparison shown is the old one's, so a link no longer says so.
        let changed = apply(
            s,
            &[Action::SetWorkload(Workload {
                goroutines: 2,
                ..Workload::default()
            })],
        );
        assert!(!changed.to_hash().contains("compare"));
    }
}
