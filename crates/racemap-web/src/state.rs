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

use racemap::diag::{Diagnostic, SourceMap};
use racemap::explore::{ExploreProgress, ExploreResult};
use racemap::playback::{
    ChoiceView, Playback, PlaybackConfig, RunStop, SchedulerMode, StepError, View,
};
use racemap::sched::{Choice, Schedule};
use racemap::strategies::{Strategy, Workload};
use yew::Reducible;

use crate::services::hash::{self, HashParams};

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

/// What the example picker selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// A map strategy of the core's presets, generated for the workload.
    Preset(Strategy),
    /// The user's own program.
    Blank,
}

impl Example {
    /// Every choice of the picker, in order.
    pub fn all() -> impl Iterator<Item = Example> {
        Strategy::ALL
            .into_iter()
            .map(Example::Preset)
            .chain([Example::Blank])
    }

    /// The id used in the URL hash (`#example=ID`): the strategy's slug, or `blank`.
    pub fn id(self) -> &'static str {
        match self {
            Example::Preset(strategy) => strategy.slug(),
            Example::Blank => "blank",
        }
    }

    /// The label shown in the picker.
    pub fn label(self) -> &'static str {
        match self {
            Example::Preset(strategy) => strategy.title(),
            Example::Blank => "Your own program",
        }
    }

    /// The example with this id.
    pub fn from_id(id: &str) -> Option<Example> {
        Example::all().find(|example| example.id() == id)
    }

    /// The example's program for `workload`.
    pub fn source(self, workload: Workload) -> String {
        match self {
            Example::Preset(strategy) => strategy.source(workload),
            Example::Blank => BLANK_SOURCE.to_string(),
        }
    }
}

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

/// The explorer ("Find a bug").
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Exploration {
    /// Not started for this program.
    #[default]
    Idle,
    /// Searching; `generation` tells the explorer service which search this is.
    Running {
        /// Increases with every search started.
        generation: u64,
        /// What it found so far.
        progress: Option<Shared<ExploreProgress>>,
    },
    /// Finished (or stopped) with this result.
    Done(Shared<ExploreResult>),
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The example selected in the picker.
    pub example: Example,
    /// The workload the presets are generated for.
    pub workload: Workload,
    /// The Go source being played.
    pub source: Shared<str>,
    /// The source is the user's (edited, pasted or blank), not the example's generated one.
    pub custom_source: bool,
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
    /// The explorer's search.
    pub exploration: Exploration,
    /// Searches started so far (the next one's generation).
    pub explorations_started: u64,
    /// The explorer schedule loaded last ("Step through"), offered again by the scheduler
    /// picker after the user switched to another scheduler.
    pub loaded_schedule: Option<String>,
    /// Compact layout for an iframe in a docs page (`#…&embed=1`).
    pub embed: bool,
}

/// Speeds offered while playing: `(label, milliseconds per step)`.
pub const SPEEDS: [(&str, u32); 4] = [
    ("Slow", 900),
    ("Normal", 450),
    ("Fast", 150),
    ("Fastest", 30),
];

fn load_program(source: &str, scheduler: &SchedulerChoice) -> Program {
    let config = PlaybackConfig {
        scheduler: scheduler.mode(),
        max_steps: MAX_STEPS,
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
    /// The state a URL hash describes; unknown or malformed values fall back to defaults, and a
    /// link whose moves no longer apply stops at the last move that does (with a notice).
    pub fn from_hash(params: &HashParams) -> State {
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
        let custom_source = code.is_some() || example == Example::Blank;
        let source = Shared::text(code.unwrap_or_else(|| example.source(workload)));
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
        let mut program = load_program(&source, &scheduler);
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
            custom_source,
            scheduler,
            program,
            playing: false,
            speed_ms: SPEEDS[1].1,
            notice,
            exploration: Exploration::Idle,
            explorations_started: 0,
            loaded_schedule,
            embed: params
                .get("embed")
                .map_or(params.has("embed"), |v| v != "0" && v != "false"),
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
        if self.custom_source {
            params.set("code", &hash::encode(&self.source));
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
        if self.embed {
            params.set("embed", "1");
        }
        params.to_string()
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
        State {
            program: load_program(&source, &scheduler),
            source,
            scheduler,
            playing: false,
            notice: None,
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
            ..self.clone()
        };
        if let Err(message) = result {
            next.notice = Some(message);
            next.playing = false;
        }
        next
    }
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
    /// The explorer's progress.
    ExploreProgress {
        /// The search it belongs to.
        generation: u64,
        /// What it found so far.
        progress: ExploreProgress,
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
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::SelectExample(example) => {
                let source = Shared::text(example.source(self.workload));
                State {
                    example,
                    custom_source: example == Example::Blank,
                    ..self.reload(source, self.scheduler.clone())
                }
            }
            Action::SetWorkload(workload) => {
                let workload = workload.clamped();
                let source = Shared::text(self.example.source(workload));
                State {
                    workload,
                    custom_source: false,
                    ..self.reload(source, self.scheduler.clone())
                }
            }
            Action::SetSource(text) => {
                let generated = self.example.source(self.workload);
                let custom_source = self.example == Example::Blank || text != generated;
                State {
                    custom_source,
                    ..self.reload(Shared::text(text), self.scheduler.clone())
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
                State::from_hash(&params)
            }
            Action::StartExploring => {
                if self.run().is_none() {
                    return self;
                }
                State {
                    exploration: Exploration::Running {
                        generation: self.explorations_started,
                        progress: None,
                    },
                    explorations_started: self.explorations_started + 1,
                    ..(*self).clone()
                }
            }
            Action::ExploreProgress {
                generation,
                progress,
            } => match &self.exploration {
                Exploration::Running { generation: g, .. } if *g == generation => State {
                    exploration: Exploration::Running {
                        generation,
                        progress: Some(Shared::new(progress)),
                    },
                    ..(*self).clone()
                },
                _ => return self,
            },
            Action::ExploreFinished { generation, result } => match &self.exploration {
                Exploration::Running { generation: g, .. } if *g == generation => State {
                    exploration: Exploration::Done(Shared::new(result)),
                    ..(*self).clone()
                },
                _ => return self,
            },
            Action::StopExploring => match &self.exploration {
                Exploration::Running { progress, .. } => State {
                    exploration: match progress {
                        Some(p) => Exploration::Done(Shared::new(ExploreResult {
                            complete: false,
                            limit: Some(racemap::explore::SearchLimit::Unfinished),
                            executions: p.executions,
                            race: p.race,
                            deadlock: p.deadlock,
                            outcomes: p.outcomes.clone(),
                        })),
                        None => Exploration::Idle,
                    },
                    ..(*self).clone()
                },
                _ => return self,
            },
            Action::LoadSchedule(schedule) => State {
                loaded_schedule: Some(schedule.clone()),
                ..self.reload(self.source.clone(), SchedulerChoice::Replay(schedule))
            },
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
        let mut explorer = Explorer::for_source(&source, &DporConfig::default()).expect("compiles");
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
        // Junk falls back to defaults instead of failing.
        expect![["example=unsynchronized&goroutines=2&ops=2&writes=50&keys=2"]]
            .assert_eq(&state("example=nope&goroutines=x&step=zz&moves=%%").to_hash());
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
        let s =
            state("example=unsynchronized").reduce(Action::LoadSchedule(crash.schedule.clone()));
        assert_eq!(s.scheduler, SchedulerChoice::Replay(crash.schedule.clone()));
        let s = apply(s, &[Action::RunToNextRaceOrError]);
        assert_eq!(view(&s).races.len(), 1, "stops at the race first");
        assert!(view(&s).ended.is_none());
        let s = apply(s, &[Action::RunToNextRaceOrError]);
        let ended = view(&s).ended.expect("the run ended");
        assert_eq!(ended.exit_code, 2);
        assert_eq!(
            ended.first_error_line.as_deref(),
            Some("fatal error: concurrent map writes")
        );
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
        assert!(matches!(after.exploration, Exploration::Done(_)));
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
                (4, 2, "prog.go:4:2: declared and not used: x"),
                (5, 2, "prog.go:5:2: undefined: y"),
            ]
        );
    }
}
