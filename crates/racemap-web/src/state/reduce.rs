//! The reducer: every [`Action`] and how [`State`] changes under it.

use std::rc::Rc;

use yew::Reducible;

use super::*;

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
    /// The explorer's worker has warmed up (its code is compiled and optimized).
    ExplorerWarm,
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
    /// The core (the Go runtime's wasm) has loaded: compile the program that waits for it.
    CoreReady,
    /// The core could not load: why.
    CoreFailed(String),
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
                if let Program::Loading(pending) = &self.program {
                    // What the link asked for waits for the core with the new scheduler.
                    return Rc::new(State {
                        program: Program::Loading(pending.clone()),
                        ..self.reload(self.source.clone(), scheduler)
                    });
                }
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
                let next = State {
                    // The page keeps its worker.
                    explorer_warm: self.explorer_warm,
                    ..State::from_hash(&params)
                };
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
            Action::CoreReady => self.core_ready(),
            Action::CoreFailed(why) => State {
                notice: Some(format!(
                    "The Go runtime did not load ({why}). Reload the page to try again."
                )),
                ..(*self).clone()
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
            Action::ExplorerWarm => State {
                explorer_warm: true,
                ..(*self).clone()
            },
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
