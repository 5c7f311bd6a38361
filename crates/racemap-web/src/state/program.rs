//! The program as the page holds it: compiled and running ([`Run`]: the core's playback with
//! the view and choices at the cursor), not compiling ([`CompileError`]s), or waiting for the
//! core to load ([`Pending`]: what a link asked for, applied by [`State::core_ready`]).

use std::cell::RefCell;

use racemap::compile::{CompileOptions, LangVersion};
use racemap::playback::{ChoiceView, View};

use super::{test_pick, SchedulerChoice, Shared, State, TestPick, MAX_STEPS};
use crate::services::core::{self, CorePlayback, OpenConfig, PlaybackPort};

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
    pub playback: Shared<RefCell<CorePlayback>>,
    /// The view at the cursor.
    pub view: Shared<View>,
    /// Who can move now.
    pub choices: Shared<Vec<ChoiceView>>,
}

impl Run {
    pub(super) fn refresh(playback: Shared<RefCell<CorePlayback>>) -> Run {
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

/// The program, compiled and running, or why it does not compile, or waiting for the core.
#[derive(Clone, Debug, PartialEq)]
pub enum Program {
    /// It compiles; this is its run.
    Running(Run),
    /// Compile errors, Go-style (at most 10, then `too many errors`).
    Failed(Shared<Vec<CompileError>>),
    /// The core (the Go runtime's wasm) is still loading; the program is compiled when it is
    /// ready, with what a link asked for.
    Loading(Shared<Pending>),
}

/// What a link asks of the program beyond its source, kept while the core loads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pending {
    /// The test of a test file to run (`test=`).
    pub test: Option<String>,
    /// The moves to replay (`moves=`).
    pub moves: Option<String>,
    /// The step to go to (`step=`).
    pub step: Option<u64>,
}

/// The program compiled and at step 0, or its compile errors; `None` while the core loads.
pub(super) fn load_program(
    source: &str,
    scheduler: &SchedulerChoice,
    compile: CompileOptions,
) -> Option<Program> {
    let config = OpenConfig {
        scheduler: scheduler.mode(),
        max_steps: MAX_STEPS,
        compile,
    };
    Some(match core::open(source, config)? {
        Ok(playback) => Program::Running(Run::refresh(Shared::new(RefCell::new(playback)))),
        Err(rendered) => Program::Failed(Shared::new(compile_errors(&rendered))),
    })
}

/// The core's rendered compile errors (`prog.go:LINE:COL: message`, a line each, Go's "too
/// many errors" cut applied), placed by position.
pub(super) fn compile_errors(rendered: &str) -> Vec<CompileError> {
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
    /// Compile `source` and apply what `pending` asks (the test, then the moves and the step):
    /// `(the test pick, the program, a notice when the moves stop applying)`; the program waits
    /// in [`Program::Loading`] with `pending` while the core loads.
    pub(super) fn start(
        source: &str,
        lang: LangVersion,
        scheduler: &SchedulerChoice,
        pending: Pending,
    ) -> (Option<TestPick>, Program, Option<String>) {
        if !core::ready() {
            return (None, Program::Loading(Shared::new(pending)), None);
        }
        let test = TestPick::of(source, lang, pending.test.as_deref());
        let compile = test_pick::compile_options(lang, test.as_ref(), source);
        let Some(program) = load_program(source, scheduler, compile) else {
            return (None, Program::Loading(Shared::new(pending)), None);
        };
        let Program::Running(run) = &program else {
            return (test, program, None);
        };
        let mut notice = None;
        {
            let mut p = run.playback.borrow_mut();
            if let Some(moves) = &pending.moves {
                if p.replay_moves(moves).is_err() {
                    notice = Some(format!(
                        "The link's moves stop applying after step {}.",
                        p.cursor()
                    ));
                }
            }
            if let Some(step) = pending.step {
                // Going back keeps the moves past the step, so Step redoes them.
                let _ = p.goto(step);
            }
        }
        let program = Program::Running(Run::refresh(run.playback.clone()));
        (test, program, notice)
    }

    /// The core has loaded: compile the program that waited for it.
    pub(super) fn core_ready(&self) -> State {
        let Program::Loading(pending) = &self.program else {
            return self.clone();
        };
        let (test, program, notice) = State::start(
            &self.source,
            self.lang,
            &self.scheduler,
            (**pending).clone(),
        );
        State {
            test,
            program,
            notice: notice.or_else(|| self.notice.clone()),
            ..self.clone()
        }
    }

    /// The name of the test run as the program: the chosen one, or while the core loads the
    /// one a link asked for.
    pub(super) fn test_name(&self) -> Option<&str> {
        match (&self.test, &self.program) {
            (Some(test), _) => Some(test.name()),
            (None, Program::Loading(pending)) => pending.test.as_deref(),
            (None, _) => None,
        }
    }
}
