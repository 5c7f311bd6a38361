//! Playback: the stepping API the visualizer (and later a web worker) drives.
//!
//! A [`Playback`] owns one compiled program and one run of it, moved one visible operation at a
//! time: [`Playback::choices`] says who can run now and what each would do, [`Playback::step`]
//! makes the user's pick, [`Playback::step_auto`] makes the configured scheduler's pick, and
//! [`Playback::view`] gives everything the panels show at the cursor as plain serializable data
//! ([`view::View`]). The UI renders views; it never simulates anything.
//!
//! Going back is *checkpoint and replay*: every `checkpoint_interval` steps a clone of the
//! [`Session`] (machine + race detector + stderr) is kept; [`Playback::goto`] to an earlier
//! step restores the nearest checkpoint at or before it and replays the recorded moves up to the
//! target. The machine is deterministic, so the replayed state equals the one first reached, and
//! a step back costs at most `checkpoint_interval` replayed steps (never the whole prefix).
//!
//! The moves made so far are kept past the cursor after going back ("the future"), so going
//! forward again redoes them; a different move at the cursor discards the future.
//!
//! A view does not read the whole trace: what it derives from the steps is kept as each step is
//! made — names learned from the events, the goroutines' arrival order and the happens-before
//! state in a `Fold` (checkpointed with the session), the arrows and the steps of each race
//! for the whole recording — and the timeline's entries are rendered once and cached until the
//! names they show change. What is left per view is proportional to the state at the cursor,
//! plus copying the timeline into the view.
//!
//! Every loop is bounded by `max_steps`; nothing a user types can make a call loop forever.

pub mod contention;
mod field_names;
#[cfg(test)]
mod message_tests;
pub mod names;
pub mod timeline;
pub mod trace;
pub mod view;
pub mod words;

use crate::bytecode::Program;
use crate::dense::IdMap;
use crate::diag::{Diagnostic, Span};
use crate::rt::config::Config;
use crate::rt::event::{Event, Gid};
use crate::rt::machine::Machine;
use crate::run::{step_limit_ending, Session};
use crate::sched::schedule::wake_order_at;
use crate::sched::{Choice, GoScheduler, Schedule, Scheduler};
use crate::target::{Ending, Target};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::rc::Rc;

pub use view::View;

/// Who makes the automatic moves ([`Playback::step_auto`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SchedulerMode {
    /// The user picks every move; an automatic move is the first runnable choice in the
    /// machine's order (the lowest goroutine).
    Manual,
    /// The seeded scheduler of `racemap run --seed N` ([`GoScheduler`]; same moves for the same seed).
    Seeded {
        /// The seed.
        seed: u64,
    },
    /// Replay an encoded schedule (from the URL or `racemap explore`); automatic moves stop when
    /// it runs out or names a move that is not runnable.
    Replay {
        /// The encoded schedule ([`Schedule::encode`]).
        schedule: String,
    },
}

/// How to play a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaybackConfig {
    /// Who makes automatic moves.
    pub scheduler: SchedulerMode,
    /// Run Go's race detector alongside.
    pub race_detection: bool,
    /// Most steps of the run; reaching it ends the run with racemap's step-limit message.
    pub max_steps: u64,
    /// A checkpoint every this many steps (at least 1): the cost bound of one step back.
    pub checkpoint_interval: u64,
    /// How the source is compiled (the Go language version).
    pub compile: crate::compile::CompileOptions,
}

impl Default for PlaybackConfig {
    fn default() -> PlaybackConfig {
        PlaybackConfig {
            scheduler: SchedulerMode::Manual,
            race_detection: true,
            max_steps: 10_000,
            checkpoint_interval: 32,
            compile: crate::compile::CompileOptions::default(),
        }
    }
}

/// Why a stepping call did not move.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepError {
    /// The run has ended (exit, failure, deadlock, step limit).
    Ended,
    /// The move is not one of [`Playback::choices`].
    NotRunnable(Choice),
    /// The replayed schedule has no (runnable) move left.
    ScheduleExhausted,
    /// Already at step 0.
    AtStart,
    /// `goto` beyond what the run can reach.
    OutOfRange(u64),
}

/// Where [`Playback::run_to_next_race_or_error`] stopped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunStop {
    /// The last step found a data race.
    Race,
    /// The run ended (exit, failure, deadlock, step limit).
    Ended,
    /// The scheduler had no move (replay exhausted).
    Paused,
}

/// One move the user can make now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceView {
    /// The move to pass to [`Playback::step`].
    pub choice: Choice,
    /// Go's goroutine number.
    pub go_id: u64,
    /// What it would do, in words: `writes m["k1"] (starts the write)`.
    pub phrase: String,
    /// The 1-based source line of that operation.
    pub line: u32,
}

/// One step made: the move, its events, and what the views of later steps derive from it.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    /// The move.
    pub choice: Choice,
    /// Its events.
    pub events: Vec<Event>,
    /// The seeded scheduler after this step (seeded mode).
    pub random_after: Option<GoScheduler>,
    /// Races found after this step (cumulative count).
    pub races_after: usize,
    /// Goroutines blocked after this step.
    pub blocked_after: Vec<Gid>,
    /// For each event, its channel message when formatting it needs the heap of this step
    /// ([`words::message_text`]).
    pub messages: Vec<Option<String>>,
}

/// What the views derive from the steps up to the cursor, folded one step at a time.
#[derive(Clone, Debug, Default)]
pub(crate) struct Fold {
    /// Names learned from the events.
    pub names: names::Learned,
    /// The step after which each goroutine parked at its current operation (its arrival at it).
    pub arrival: IdMap<Gid, u64>,
    /// The happens-before state the next step's arrows need.
    pub links: timeline::Links,
}

impl Fold {
    /// Before goroutine `gid` makes a step from `machine`: remember its variables' names.
    fn before_step(&mut self, program: &Program, machine: &Machine, gid: Gid) {
        self.names.remember(program, machine, gid);
    }

    /// Fold step `step` (from 1) made of `events`; returns its arrows.
    fn step(
        &mut self,
        program: &Program,
        machine: &Machine,
        step: u64,
        events: &[Event],
    ) -> Vec<timeline::Arrow> {
        for e in events {
            self.names.learn(program, machine, e);
            self.arrival.insert(e.gid, step);
            if let crate::rt::event::Op::Go { child } = e.op {
                self.arrival.insert(child, step);
            }
        }
        self.names.settle(program, machine);
        self.links.step(step, events, &|g| machine.go_id(g))
    }
}

/// The state at a step, to go back to.
#[derive(Clone, Debug)]
struct Checkpoint {
    /// The step.
    step: usize,
    /// The run after that many steps.
    session: Session<Machine>,
    /// Its fold.
    fold: Fold,
}

/// A program being played step by step.
#[derive(Clone, Debug)]
pub struct Playback {
    /// The compiled program.
    program: Rc<Program>,
    /// The configuration (checkpoint interval ≥ 1).
    config: PlaybackConfig,
    /// The decoded schedule in replay mode.
    replay: Option<Schedule>,
    /// The run at the cursor.
    session: Session<Machine>,
    /// What the views derive from the steps up to the cursor.
    // Invariant: the fold of `records[..cursor]`.
    fold: Fold,
    /// Every step made, including the future past the cursor after going back.
    // Invariant: `cursor <= records.len()`; `records[..cursor]` are the moves of `session`.
    records: Vec<Record>,
    /// Steps made in the current session.
    cursor: usize,
    /// Sessions at steps `0, k, 2k, …` (k = checkpoint interval), in order.
    // Invariant: `checkpoints[0].step == 0`; every checkpoint's step is `<= records.len()`, its
    // session made exactly `records[..step]` and its fold is theirs.
    checkpoints: Vec<Checkpoint>,
    /// The happens-before arrows into every recorded step.
    // Invariant: the arrows of `records`, each step's from [`Fold::step`], in step order
    // (`to_step` never decreases).
    arrows: Vec<timeline::Arrow>,
    /// For each race found by the recorded steps, in order: its step and the step of its
    /// previous access.
    // Invariant: one per race reported over `records`; the session at the cursor has found the
    // first `session.races().len()`.
    race_steps: Vec<(u64, Option<u64>)>,
    /// Timeline entries rendered by earlier views (a cache: views render only new steps).
    // Invariant: `entries.len() <= records.len()`; `entries[i]` is `records[i]` rendered with the
    // cache's names.
    timeline: RefCell<timeline::Rendered>,
    /// The seeded scheduler before the first step (seeded mode).
    random_start: Option<GoScheduler>,
    /// Steps re-executed to go back (a cost counter for tests and diagnostics).
    replayed_steps: u64,
}

impl Playback {
    /// Compile `source` and stand at step 0 (main parked at its first visible operation).
    /// A bad program or a malformed schedule gives diagnostics.
    pub fn new(source: &str, config: PlaybackConfig) -> Result<Playback, Vec<Diagnostic>> {
        let program = Rc::new(crate::compile::compile_with(
            source.as_bytes(),
            crate::compile::DEFAULT_FILE_NAME,
            &config.compile,
        )?);
        let mut config = config;
        config.checkpoint_interval = config.checkpoint_interval.max(1);
        let replay = match &config.scheduler {
            SchedulerMode::Replay { schedule } => match Schedule::decode(schedule) {
                Ok(s) => Some(s),
                Err(e) => {
                    return Err(vec![Diagnostic::error(
                        Span::default(),
                        format!("bad schedule {schedule:?}: {e}"),
                    )])
                }
            },
            _ => None,
        };
        let random_start = match config.scheduler {
            SchedulerMode::Seeded { seed } => Some(GoScheduler::new(seed)),
            _ => None,
        };
        // A replayed schedule's moves are made in the wake orders they were made in (an
        // explorer's may wake sleepers at any time); the other modes follow virtual time that
        // also passes while goroutines run.
        let running_clock_from = match &replay {
            Some(schedule) => schedule.running_clock_from,
            None => Some(0),
        };
        let machine_config = Config {
            max_steps: config.max_steps,
            wake_order: wake_order_at(running_clock_from, 0),
            ..Config::default()
        };
        let machine = Machine::new(program.clone(), machine_config);
        let mut session = Session::new(machine, config.race_detection, false);
        session.schedule.running_clock_from = running_clock_from;
        let mut fold = Fold::default();
        fold.names.settle(&program, &session.target);
        Ok(Playback {
            program,
            config,
            replay,
            checkpoints: vec![Checkpoint {
                step: 0,
                session: session.clone(),
                fold: fold.clone(),
            }],
            session,
            fold,
            arrows: Vec::new(),
            race_steps: Vec::new(),
            timeline: RefCell::default(),
            records: Vec::new(),
            cursor: 0,
            random_start,
            replayed_steps: 0,
        })
    }

    /// The compiled program.
    pub fn program(&self) -> &Rc<Program> {
        &self.program
    }

    /// The configuration.
    pub fn config(&self) -> &PlaybackConfig {
        &self.config
    }

    /// Steps made so far (the cursor): 0 before the first move.
    pub fn cursor(&self) -> u64 {
        self.cursor as u64
    }

    /// Steps recorded, including those past the cursor after going back.
    pub fn recorded_steps(&self) -> u64 {
        self.records.len() as u64
    }

    /// Steps re-executed so far to go back (each back costs at most the checkpoint interval).
    pub fn replayed_steps(&self) -> u64 {
        self.replayed_steps
    }

    /// The machine at the cursor (read-only).
    pub fn machine(&self) -> &Machine {
        &self.session.target
    }

    /// The moves made up to the cursor, encoded for the URL (replay it with
    /// [`SchedulerMode::Replay`]).
    pub fn schedule(&self) -> String {
        self.session.schedule.encode()
    }

    /// Every recorded move, including those past the cursor after going back, encoded: with
    /// [`Playback::replay_moves`] and [`Playback::goto`] it restores both the view at the
    /// cursor and the steps forward from it.
    pub fn recorded_schedule(&self) -> String {
        let mut s = Schedule::new();
        for r in &self.records {
            s.push(r.choice);
        }
        s.running_clock_from = self.session.schedule.running_clock_from;
        s.encode()
    }

    /// How the run ended, `None` while it can go on.
    pub fn ending(&self) -> Option<Ending> {
        if let Some(e) = self.session.target.ending() {
            return Some(e);
        }
        if self.cursor as u64 >= self.config.max_steps {
            return Some(step_limit_ending(self.config.max_steps));
        }
        None
    }

    /// Who can move now, with what each would do (empty once the run ended).
    pub fn choices(&self) -> Vec<ChoiceView> {
        if self.ending().is_some() {
            return Vec::new();
        }
        let names = self.names();
        let m = &self.session.target;
        m.runnable()
            .into_iter()
            .map(|c| {
                let (phrase, span) = words::next_phrase(m, c, &names);
                ChoiceView {
                    choice: c,
                    go_id: m.go_id(c.gid),
                    phrase,
                    line: self.program.source_map.line(span.lo),
                }
            })
            .collect()
    }

    /// Make the move `choice` (one of [`Playback::choices`]).
    ///
    /// In seeded mode the scheduler draws its pick here too and discards it, then learns the
    /// move made: its state after step `n` then depends only on the runnable moves and the moves
    /// of steps `1..=n`, never on whether the user or the scheduler chose them, so the moves of a
    /// run (its [`Playback::schedule`]) replay it exactly ([`Playback::replay_moves`]).
    pub fn step(&mut self, choice: Choice) -> Result<(), StepError> {
        self.step_with(choice)
    }

    /// Make the encoded `moves` (a [`Playback::schedule`] of an earlier run of the same program
    /// and configuration) from the cursor: the state reached equals that run's at the same
    /// step, and later automatic moves continue as that run's would have. Stops at the first
    /// move that cannot be made.
    pub fn replay_moves(&mut self, moves: &str) -> Result<(), StepError> {
        let schedule = Schedule::decode(moves).map_err(|_| StepError::ScheduleExhausted)?;
        for choice in schedule.choices {
            self.step(choice)?;
        }
        Ok(())
    }

    /// Make the configured scheduler's next move (or redo the recorded one after going back).
    pub fn step_auto(&mut self) -> Result<(), StepError> {
        if self.ending().is_some() {
            return Err(StepError::Ended);
        }
        if let Some(r) = self.records.get(self.cursor) {
            let choice = r.choice;
            return self.step_with(choice);
        }
        let choices = self.session.target.runnable();
        match &self.config.scheduler {
            SchedulerMode::Manual => match choices.first() {
                Some(c) => self.step_with(*c),
                None => Err(StepError::Ended),
            },
            SchedulerMode::Seeded { .. } => {
                let mut random = self
                    .random_at(self.cursor)
                    .unwrap_or_else(|| GoScheduler::new(0));
                match random.pick(&choices) {
                    Some(c) => self.step_with(c),
                    None => Err(StepError::Ended),
                }
            }
            SchedulerMode::Replay { .. } => {
                let next = self
                    .replay
                    .as_ref()
                    .and_then(|s| s.choices.get(self.cursor).copied());
                match next {
                    Some(c) if choices.contains(&c) => self.step_with(c),
                    _ => Err(StepError::ScheduleExhausted),
                }
            }
        }
    }

    /// Go back one step: restore the nearest checkpoint and replay to `cursor - 1`.
    pub fn back(&mut self) -> Result<(), StepError> {
        if self.cursor == 0 {
            return Err(StepError::AtStart);
        }
        self.goto(self.cursor as u64 - 1)
    }

    /// Move the cursor to step `target`: back by checkpoint and replay, forward by redoing
    /// recorded moves and then automatic ones. Stops with an error where the run cannot go on
    /// (the cursor is then at the last reachable step).
    pub fn goto(&mut self, target: u64) -> Result<(), StepError> {
        if target > self.config.max_steps {
            return Err(StepError::OutOfRange(target));
        }
        let target = target as usize;
        if target < self.cursor {
            self.restore(target);
            return Ok(());
        }
        while self.cursor < target {
            self.step_auto()?;
        }
        Ok(())
    }

    /// Back to step 0, forgetting every recorded move.
    pub fn reset(&mut self) {
        self.restore(0);
        self.records.clear();
        self.checkpoints.truncate(1);
        self.arrows.clear();
        self.race_steps.clear();
        self.timeline.get_mut().entries.clear();
    }

    /// Make automatic moves until a step finds a data race, the run ends, or the scheduler has
    /// no move. Bounded by `max_steps`.
    pub fn run_to_next_race_or_error(&mut self) -> RunStop {
        let races = self.session.races().len();
        loop {
            if self.ending().is_some() {
                return RunStop::Ended;
            }
            match self.step_auto() {
                Ok(()) => {}
                Err(StepError::Ended) => return RunStop::Ended,
                Err(_) => return RunStop::Paused,
            }
            if self.session.races().len() > races {
                return RunStop::Race;
            }
        }
    }

    /// Everything the panels show at the cursor.
    pub fn view(&self) -> View {
        view::build(self)
    }

    /// Source names of objects, learned from the program and the steps up to the cursor.
    pub fn names(&self) -> names::Names {
        names::Names::at(&self.program, &self.session.target, &self.fold.names)
    }

    // ----- internals -----

    /// The seeded scheduler's state before step `at`.
    fn random_at(&self, at: usize) -> Option<GoScheduler> {
        match at.checked_sub(1).and_then(|i| self.records.get(i)) {
            Some(r) => r.random_after.clone(),
            None => self.random_start.clone(),
        }
    }

    /// Make `choice`; in seeded mode the scheduler before it picks (discarding its pick) and
    /// learns the move, which gives the scheduler after it.
    fn step_with(&mut self, choice: Choice) -> Result<(), StepError> {
        if self.ending().is_some() {
            return Err(StepError::Ended);
        }
        let choices = self.session.target.runnable();
        if !choices.contains(&choice) {
            return Err(StepError::NotRunnable(choice));
        }
        // The same move from the same state (the scheduler before it is the recorded one's):
        // the same step and scheduler after it.
        let keeps_future = self
            .records
            .get(self.cursor)
            .is_some_and(|r| r.choice == choice);
        let before = self.random_at(self.cursor);
        let races_before = self.session.races().len();
        self.fold
            .before_step(&self.program, &self.session.target, choice.gid);
        if !keeps_future {
            let limit = self.cursor;
            self.records.truncate(limit);
            self.checkpoints.retain(|c| c.step <= limit);
            self.arrows.retain(|a| a.to_step <= limit as u64);
            self.race_steps.truncate(races_before);
            self.timeline.get_mut().entries.truncate(limit);
        }
        let events = self.session.step(choice);
        let random_after = before.map(|mut random| {
            random.pick(&choices);
            random.observe(choice, &events);
            random
        });
        let step = self.cursor as u64 + 1;
        let m = &self.session.target;
        let arrows = self.fold.step(&self.program, m, step, &events);
        let names = || names::Names::at(&self.program, m, &self.fold.names);
        let record = Record {
            choice,
            messages: events
                .iter()
                .map(|e| words::message_text(&e.op, m, &names))
                .collect(),
            events,
            random_after,
            races_after: self.session.races().len(),
            blocked_after: blocked(m),
        };
        if keeps_future {
            // The same move from the same state: the record, its arrows and races are the same.
            self.records[self.cursor] = record;
        } else {
            self.arrows.extend(arrows);
            for race in &self.session.races()[races_before..] {
                let previous = timeline::previous_access(&self.records, race);
                self.race_steps.push((step, previous));
            }
            self.records.push(record);
        }
        self.cursor += 1;
        self.set_wake_order();
        self.checkpoint_here();
        Ok(())
    }

    /// Offer the next move in the wake order of the run (see [`wake_order_at`]).
    fn set_wake_order(&mut self) {
        let order = wake_order_at(self.session.schedule.running_clock_from, self.cursor);
        self.session.target.set_wake_order(order);
    }

    fn checkpoint_here(&mut self) {
        let k = self.config.checkpoint_interval as usize;
        if self.cursor.is_multiple_of(k) && !self.checkpoints.iter().any(|c| c.step == self.cursor)
        {
            let at = self
                .checkpoints
                .iter()
                .position(|c| c.step > self.cursor)
                .unwrap_or(self.checkpoints.len());
            let checkpoint = Checkpoint {
                step: self.cursor,
                session: self.session.clone(),
                fold: self.fold.clone(),
            };
            self.checkpoints.insert(at, checkpoint);
        }
    }

    /// Restore the state at step `target <= records.len()` from the nearest checkpoint.
    fn restore(&mut self, target: usize) {
        let target = target.min(self.records.len());
        let Some(checkpoint) = self
            .checkpoints
            .iter()
            .rev()
            .find(|c| c.step <= target)
            .cloned()
        else {
            return;
        };
        self.session = checkpoint.session;
        self.fold = checkpoint.fold;
        self.cursor = checkpoint.step;
        while self.cursor < target {
            let choice = self.records[self.cursor].choice;
            self.fold
                .before_step(&self.program, &self.session.target, choice.gid);
            let events = self.session.step(choice);
            let step = self.cursor as u64 + 1;
            self.fold
                .step(&self.program, &self.session.target, step, &events);
            self.replayed_steps += 1;
            self.cursor += 1;
            self.set_wake_order();
            self.checkpoint_here();
        }
    }

    pub(crate) fn records(&self) -> &[Record] {
        &self.records[..self.cursor]
    }

    pub(crate) fn session(&self) -> &Session<Machine> {
        &self.session
    }

    pub(crate) fn fold(&self) -> &Fold {
        &self.fold
    }

    /// The happens-before arrows between the steps up to the cursor.
    pub(crate) fn arrows(&self) -> &[timeline::Arrow] {
        let n = self
            .arrows
            .partition_point(|a| a.to_step <= self.cursor as u64);
        &self.arrows[..n]
    }

    /// The step of each race found so far and of its previous access.
    pub(crate) fn race_steps(&self) -> &[(u64, Option<u64>)] {
        let n = self.session.races().len().min(self.race_steps.len());
        &self.race_steps[..n]
    }

    /// The timeline up to the cursor with objects named by `names` (the names at the cursor),
    /// rendering only the steps the cache lacks.
    pub(crate) fn timeline(&self, names: &names::Names) -> Vec<timeline::TimelineEntry> {
        let mut cache = self.timeline.borrow_mut();
        if cache.names != *names {
            cache.names = names.clone();
            cache.entries.clear();
        }
        let m = &self.session.target;
        let go_id = |g: Gid| m.go_id(g);
        let source_map = &self.program.source_map;
        while cache.entries.len() < self.cursor {
            let i = cache.entries.len();
            let entry = timeline::entry(i as u64 + 1, &self.records[i], names, &go_id, source_map);
            cache.entries.push(entry);
        }
        let mut entries = cache.entries[..self.cursor].to_vec();
        for (step, previous) in self.race_steps() {
            for s in std::iter::once(*step).chain(*previous) {
                if let Some(e) = (s as usize).checked_sub(1).and_then(|i| entries.get_mut(i)) {
                    e.racing = true;
                }
            }
        }
        entries
    }
}

/// The goroutines that are alive and cannot move now.
fn blocked(m: &Machine) -> Vec<Gid> {
    (0..m.goroutine_count() as u32)
        .map(Gid)
        .filter(|g| m.pending(*g).is_some_and(|p| !p.enabled))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies::{Strategy, Workload};

    /// What the playback keeps as it steps equals what the steps up to the cursor give when
    /// derived from scratch.
    fn assert_kept_state_is_fresh(p: &Playback) {
        let records = p.records();
        let m = p.machine();
        let go_id = |g: Gid| m.go_id(g);
        // The names, from a straight replay of the moves from step 0.
        let mut session = p.checkpoints[0].session.clone();
        let mut learned = names::Learned::default();
        learned.settle(&p.program, &session.target);
        for r in records {
            learned.remember(&p.program, &session.target, r.choice.gid);
            for e in &session.step(r.choice) {
                learned.learn(&p.program, &session.target, e);
            }
            learned.settle(&p.program, &session.target);
        }
        assert_eq!(session.target.heap(), m.heap());
        assert_eq!(p.names(), names::Names::at(&p.program, m, &learned));
        let mut links = timeline::Links::default();
        let mut arrows = Vec::new();
        let mut arrival = IdMap::new();
        let mut race_steps = Vec::new();
        for (i, r) in records.iter().enumerate() {
            let step = i as u64 + 1;
            arrows.extend(links.step(step, &r.events, &go_id));
            for e in &r.events {
                arrival.insert(e.gid, step);
                if let crate::rt::event::Op::Go { child } = e.op {
                    arrival.insert(child, step);
                }
            }
            for race in &p.session.races()[race_steps.len()..r.races_after] {
                race_steps.push((step, timeline::previous_access(&records[..i], race)));
            }
        }
        assert_eq!(p.arrows(), arrows.as_slice());
        assert_eq!(p.fold.arrival, arrival);
        assert_eq!(p.race_steps(), race_steps.as_slice());
        let names = p.names();
        let source_map = &p.program.source_map;
        let timeline = p.timeline(&names);
        for (i, (r, kept)) in records.iter().zip(&timeline).enumerate() {
            let mut fresh = timeline::entry(i as u64 + 1, r, &names, &go_id, source_map);
            fresh.racing = kept.racing;
            assert_eq!(kept, &fresh);
        }
    }

    #[test]
    fn kept_state_equals_the_state_derived_from_the_steps() {
        for (n, strategy) in Strategy::ALL.into_iter().enumerate() {
            let config = PlaybackConfig {
                scheduler: SchedulerMode::Seeded { seed: n as u64 },
                checkpoint_interval: 5,
                ..PlaybackConfig::default()
            };
            let mut p = Playback::new(&strategy.source(Workload::default()), config)
                .expect("presets compile");
            let mut x = n as u64 + 1;
            let mut next = |k: u64| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % k.max(1)
            };
            for _ in 0..120 {
                match next(8) {
                    0..=2 => {
                        let _ = p.step_auto();
                    }
                    3 => {
                        let _ = p.back();
                    }
                    4 => {
                        let _ = p.goto(next(p.recorded_steps() + 4));
                    }
                    5 => {
                        p.run_to_next_race_or_error();
                    }
                    6 if next(10) == 0 => p.reset(),
                    _ => {
                        let choices = p.choices();
                        if !choices.is_empty() {
                            let c = choices[next(choices.len() as u64) as usize].choice;
                            p.step(c).expect("a listed choice is runnable");
                        }
                    }
                }
                if next(3) == 0 {
                    // The view of some steps only: the timeline cache must catch up.
                    drop(p.view());
                }
                assert_kept_state_is_fresh(&p);
            }
        }
    }
}
