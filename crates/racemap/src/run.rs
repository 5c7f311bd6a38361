//! The runner: drive a machine with a [`Scheduler`] and the race detector, and collect what a
//! user of `go run -race` would see.
//!
//! Each step: ask the scheduler for one of the runnable moves, make it, feed its events to the
//! [`Detector`], and append to stderr the program's `print` output and any race report, in the
//! order they happen. At the end stderr gets the failure text (panic or fatal error with its
//! goroutine dump) or, after a normal exit with races, `Found N data race(s)`; the exit status
//! is 0, 2 (panic/fatal error), 66 (races after an otherwise normal exit, as Go's detector does)
//! or [`EXIT_LIMIT`] when a racemap bound ended the run, [`EXIT_INTERNAL`] when racemap broke
//! one of its own invariants.

use crate::race::report::found_line;
use crate::race::{Detector, DetectorConfig, RaceReport};
use crate::rt::config::WakeOrder;
use crate::rt::error::EXIT_INTERNAL;
use crate::rt::event::Event;
use crate::sched::{GoScheduler, ReplayScheduler, Schedule, Scheduler};
use crate::target::{Ending, Target, EXIT_LIMIT};

/// Exit status of a run with data races that otherwise exited normally (Go's `-race`).
pub const EXIT_RACE: i32 = 66;

/// How to run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunConfig {
    /// Seed of the seeded scheduler ([`GoScheduler`]) used after the schedule (or from the start).
    pub seed: u64,
    /// Moves to replay first; the seeded scheduler continues after them.
    pub schedule: Option<Schedule>,
    /// Most steps before the run stops with [`EXIT_LIMIT`] (the machine has its own bound too).
    pub max_steps: u64,
    /// Run the race detector.
    pub race_detection: bool,
    /// Keep every step's events in [`RunResult::steps`].
    pub record_events: bool,
}

impl Default for RunConfig {
    fn default() -> RunConfig {
        RunConfig {
            seed: 0,
            schedule: None,
            max_steps: 100_000,
            race_detection: true,
            record_events: true,
        }
    }
}

/// Why the run stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunEnd {
    /// `main` returned.
    Exited,
    /// A panic, a fatal error or a deadlock.
    Failed,
    /// A racemap bound.
    Limit,
    /// racemap broke one of its own invariants (`racemap internal error: …`).
    Internal,
    /// The scheduler stopped choosing (manual scheduling, replay without fallback).
    Paused,
}

/// Everything a run produced.
#[derive(Clone, Debug, PartialEq)]
pub struct RunResult {
    /// Program stdout as text (an invalid byte of a Go string shows as U+FFFD).
    pub stdout: String,
    /// Program stdout: the bytes the program wrote, what `racemap run` writes (as Go does).
    pub stdout_bytes: Vec<u8>,
    /// stderr as Go prints it: `print` output and race reports as they happen, then the failure
    /// text or `Found N data race(s)` (an invalid byte of a printed string shows as U+FFFD).
    pub stderr: String,
    /// The same as bytes, what `racemap run` writes (`print` writes a string's bytes).
    pub stderr_bytes: Vec<u8>,
    /// Exit status: 0, 2, [`EXIT_RACE`], [`EXIT_LIMIT`], [`EXIT_INTERNAL`]; `None` when paused.
    pub exit_code: Option<i32>,
    /// How it stopped.
    pub end: RunEnd,
    /// The races found, in order.
    pub races: Vec<RaceReport>,
    /// The moves made.
    pub schedule: Schedule,
    /// Every step's events (when [`RunConfig::record_events`]).
    pub steps: Vec<Event>,
    /// The first line of the failure (`fatal error: concurrent map writes`, `panic: ...`, a
    /// racemap limit message), `None` after a normal exit.
    pub first_error_line: Option<String>,
    /// The failure was a deadlock.
    pub deadlock: bool,
    /// For a test, the goroutines it left blocked forever ([`Target::leaked`]).
    pub leaked: Vec<String>,
}

/// A stepping session: a target, its detector, and what was produced so far. The runner is a
/// loop over [`Session::step`]; the UI can call it move by move.
#[derive(Clone, Debug)]
pub struct Session<T: Target> {
    /// The machine.
    pub target: T,
    /// The detector, when enabled.
    pub detector: Option<Detector>,
    /// Moves made.
    pub schedule: Schedule,
    /// Events of every step (when recording).
    pub steps: Vec<Event>,
    /// stderr so far (print output and race reports).
    pub stderr: String,
    /// The same as bytes.
    pub stderr_bytes: Vec<u8>,
    /// Bytes of the target's stderr already copied into `stderr`.
    copied_stderr: usize,
    /// Keep events.
    record_events: bool,
}

impl<T: Target> Session<T> {
    /// A session on `target`.
    pub fn new(target: T, race_detection: bool, record_events: bool) -> Session<T> {
        let detector = race_detection.then(|| {
            let mut c = DetectorConfig::new(target.source_map());
            c.first_goroutine_id = target.first_goroutine_id();
            c.testmain_line = target.testmain_line();
            Detector::new(c)
        });
        Session {
            target,
            detector,
            schedule: Schedule::new(),
            steps: Vec::new(),
            stderr: String::new(),
            stderr_bytes: Vec::new(),
            copied_stderr: 0,
            record_events,
        }
    }

    /// Make one move (which must be runnable); returns its events.
    pub fn step(&mut self, choice: crate::sched::Choice) -> Vec<Event> {
        self.schedule.push(choice);
        let events = self.target.step(choice);
        let err = self.target.stderr_bytes();
        if let Some(new) = err.get(self.copied_stderr..).filter(|n| !n.is_empty()) {
            self.stderr.push_str(&String::from_utf8_lossy(new));
            self.stderr_bytes.extend_from_slice(new);
            self.copied_stderr = err.len();
        }
        if let Some(d) = &mut self.detector {
            for r in d.observe_step(&events) {
                let text = r.render();
                self.stderr.push_str(&text);
                self.stderr_bytes.extend_from_slice(text.as_bytes());
            }
            self.target.note_races(d.reports().len());
        }
        // A composite literal's initializing stores are the race detector's only.
        let mut events = events;
        events.retain(|e| !matches!(e.op, crate::rt::event::Op::Init { .. }));
        if self.record_events {
            self.steps.extend(events.iter().cloned());
        }
        events
    }

    /// Races found so far.
    pub fn races(&self) -> &[RaceReport] {
        self.detector.as_ref().map(|d| d.reports()).unwrap_or(&[])
    }

    /// Finish: the result as the run stands (`end` is `Paused` while the target still runs).
    pub fn finish(self, limit: Option<Ending>) -> RunResult {
        let ending_bytes = match &limit {
            Some(e) => Some(e.text.clone().into_bytes()),
            None => self.target.ending_text_bytes(),
        };
        let ending = limit.or_else(|| self.target.ending());
        let races = self.races().to_vec();
        let mut stderr = self.stderr;
        let mut stderr_bytes = self.stderr_bytes;
        let (end, exit_code, first_error_line, deadlock) = match ending {
            None => (RunEnd::Paused, None, None, false),
            Some(e) => {
                stderr.push_str(&e.text);
                stderr_bytes.extend(ending_bytes.unwrap_or_default());
                // `os.Exit(N)` ends with `exit status N`, whatever N (3 and 70 included).
                let exited = e
                    .first_line
                    .as_deref()
                    .is_some_and(|l| l.starts_with("exit status "));
                let end = match e.exit_code {
                    0 => RunEnd::Exited,
                    _ if exited => RunEnd::Failed,
                    EXIT_LIMIT => RunEnd::Limit,
                    EXIT_INTERNAL => RunEnd::Internal,
                    _ => RunEnd::Failed,
                };
                let code = if e.exit_code == 0 && !races.is_empty() {
                    let found = found_line(races.len());
                    stderr.push_str(&found);
                    stderr_bytes.extend_from_slice(found.as_bytes());
                    EXIT_RACE
                } else {
                    e.exit_code
                };
                (end, Some(code), e.first_line, e.deadlock)
            }
        };
        RunResult {
            leaked: self.target.leaked(),
            stdout: self.target.stdout().to_string(),
            stdout_bytes: self.target.stdout_bytes().to_vec(),
            stderr_bytes,
            stderr,
            exit_code,
            end,
            races,
            schedule: self.schedule,
            steps: self.steps,
            first_error_line,
            deadlock,
        }
    }
}

/// The ending racemap reports when the runner's step bound is hit.
pub fn step_limit_ending(max_steps: u64) -> Ending {
    let line = crate::rt::config::LimitHit::Steps(max_steps).message();
    Ending {
        exit_code: EXIT_LIMIT,
        text: format!("{line}\n"),
        first_line: Some(line),
        deadlock: false,
        limit: true,
    }
}

/// Run `target` to the end with `scheduler` (a crash is made as soon as it is offered: see
/// `drive`; replay a schedule with [`run`]).
pub fn run_with<T: Target>(
    target: T,
    scheduler: &mut dyn Scheduler,
    config: &RunConfig,
) -> RunResult {
    let mut session = Session::new(target, config.race_detection, config.record_events);
    let mut steps = 0;
    let stop = drive(&mut session, scheduler, config, &mut steps, true, None);
    session.finish(stop.flatten())
}

/// Make the moves `scheduler` picks, counting them in `steps`: `Some(limit)` once the run is
/// over (`limit`: the runner's step bound, when that ended it), `None` when the scheduler had
/// no move (or picked one that is not runnable). While `replaying` a schedule, each move is
/// offered in the wake order the schedule made it in ([`Schedule::wake_order_at`]).
///
/// With `crash_first`, a move that crashes the program ([`Target::crashes`]: a goroutine whose
/// panic is over, a step of its own) is made as soon as it is offered, as Go's runtime nearly
/// always does (the panicking goroutine goes on to exit); the explorer still finds the runs
/// where another goroutine moves first.
fn drive<T: Target>(
    session: &mut Session<T>,
    scheduler: &mut dyn Scheduler,
    config: &RunConfig,
    steps: &mut u64,
    crash_first: bool,
    replaying: Option<&Schedule>,
) -> Option<Option<Ending>> {
    loop {
        if session.target.ending().is_some() {
            return Some(None);
        }
        if let Some(schedule) = replaying {
            // Each move in the wake order it was made in.
            session
                .target
                .set_wake_order(schedule.wake_order_at(session.schedule.len()));
        }
        let choices = session.target.runnable();
        if choices.is_empty() {
            return Some(None);
        }
        if *steps >= config.max_steps {
            return Some(Some(step_limit_ending(config.max_steps)));
        }
        let crash = choices
            .iter()
            .copied()
            .find(|c| crash_first && session.target.crashes(*c));
        let choice = match crash {
            Some(c) => c,
            None => scheduler.pick(&choices).filter(|c| choices.contains(c))?,
        };
        let events = session.step(choice);
        scheduler.observe(choice, &events);
        *steps += 1;
    }
}

/// Run `target` with the scheduler `config` describes: the schedule's moves first (if any),
/// then the seeded [`GoScheduler`]. A schedule may wake sleepers at any time, as the explorer's
/// do ([`WakeOrder::AnyTime`]); the seeded scheduler follows virtual time that also passes
/// while goroutines run ([`WakeOrder::RunningClock`]).
pub fn run<T: Target>(mut target: T, config: &RunConfig) -> RunResult {
    let mut steps = 0;
    let mut session = match &config.schedule {
        Some(s) => {
            target.set_wake_order(s.wake_order_at(0));
            let mut session = Session::new(target, config.race_detection, config.record_events);
            session.schedule.running_clock_from = s.running_clock_from;
            let mut replay = ReplayScheduler::new(s.clone(), None);
            let replayed = drive(
                &mut session,
                &mut replay,
                config,
                &mut steps,
                false,
                Some(s),
            );
            if let Some(limit) = replayed {
                return session.finish(limit);
            }
            session.target.set_wake_order(WakeOrder::RunningClock);
            session
        }
        None => {
            target.set_wake_order(WakeOrder::RunningClock);
            Session::new(target, config.race_detection, config.record_events)
        }
    };
    // The seeded scheduler's moves are made on the running clock: from here on at the latest.
    let from = session.schedule.len();
    let clock_from = session
        .schedule
        .running_clock_from
        .map_or(from, |f| f.min(from));
    session.schedule.running_clock_from = Some(clock_from);
    let mut go = GoScheduler::new(config.seed);
    let stop = drive(&mut session, &mut go, config, &mut steps, true, None);
    session.finish(stop.flatten())
}
