//! "Find a bug" on two workers: the page's end of the side-by-side search. Worker 0 makes the
//! DPOR side, worker 1 the stateful side (`racemap::explore::sides`); the page runs the core's
//! [`Coordinator`] (the same state machine `racemap explore` runs over two threads, so the
//! result is exactly the one-thread search's, whatever the timing) and relays its commands to
//! the workers and the workers' replies to it. Progress shows the sum of both workers' runs.
//!
//! The workers first say whether the search runs side by side ([`Report::Sides`]): if not, the
//! DPOR worker makes the whole search alone and its reports go to the reducer as they are. A
//! reply that reaches the page before that first report waits for it. A reply that breaks the
//! protocol (a bug) restarts the search on worker 0 alone.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use racemap::explore::coordinator::{Command, Coordinator, FromDpor, FromStateful, Next};
use racemap::explore::ExploreProgress;
use racemap_web::worker::{Input, Output, Report, Task, Ticket};

use super::port::{Bridge, Port};
use crate::state::Action;

/// The side-by-side search under way, shared by the two workers' callbacks.
pub type SharedRelay = Rc<RefCell<Relay>>;

/// The page's end of a search on two workers.
#[derive(Default)]
pub struct Relay {
    /// The search's ticket; `None`: no search on two workers.
    ticket: Option<Ticket>,
    /// Its task (with no side), to restart it on one worker if the protocol breaks.
    task: Option<Task>,
    /// The two workers: DPOR's, the stateful search's.
    workers: Vec<Weak<Port>>,
    /// The coordinator, once a worker said the search runs side by side.
    coordinator: Option<Coordinator>,
    /// Replies that came before the coordinator: (worker, report).
    early: Vec<(usize, Report)>,
    /// Each worker's last progress and its milliseconds.
    progress: [Option<(ExploreProgress, u64)>; 2],
}

impl Relay {
    /// A search `ticket` of `task` (with no side) on `workers` (DPOR's, the stateful
    /// search's), replacing any other.
    pub fn start(&mut self, ticket: Ticket, task: Task, workers: &[Bridge]) {
        *self = Relay {
            ticket: Some(ticket),
            task: Some(task),
            workers: workers.iter().map(Rc::downgrade).collect(),
            ..Relay::default()
        };
    }

    /// The search `ticket` is over or dropped.
    pub fn end(&mut self, ticket: Ticket) {
        if self.ticket == Some(ticket) {
            *self = Relay::default();
        }
    }

    /// Worker `lane`'s `output`: the actions it comes to for the reducer (none for a reply
    /// relayed to the coordinator), and the messages to send to the workers (worker, input).
    pub fn receive(&mut self, lane: usize, output: Output) -> (Vec<Action>, Vec<(usize, Input)>) {
        let Output { ticket, report } = output;
        if self.ticket != Some(ticket) || lane > 1 {
            return (pass(ticket, report).into_iter().collect(), Vec::new());
        }
        let mut out = Effects::default();
        match report {
            // Not side by side: worker 0's reports pass on as they are.
            Report::Sides { parallel, .. } if !parallel => {}
            Report::Sides { .. } => {
                if self.coordinator.is_none() {
                    let (coordinator, commands) = Coordinator::start();
                    self.coordinator = Some(coordinator);
                    out.commands(ticket, commands);
                    for (lane, report) in std::mem::take(&mut self.early) {
                        self.reply(ticket, lane, report, &mut out);
                    }
                }
            }
            Report::Dpor(_) | Report::Stateful(_) => {
                if matches!(
                    report,
                    Report::Dpor(FromDpor::Runs(..)) | Report::Stateful(FromStateful::Runs(..))
                ) {
                    // Its runs go on in the other worker's search (or the result): counted
                    // there from now on.
                    self.progress[lane] = None;
                }
                if self.coordinator.is_some() {
                    self.reply(ticket, lane, report, &mut out);
                } else {
                    self.early.push((lane, report));
                }
            }
            Report::Progress {
                progress,
                elapsed_ms,
            } => {
                self.progress[lane] = Some((progress, elapsed_ms));
                let progress = self.combined();
                // Before the first run there is nothing to show but "Searching…" (a side
                // reports its progress at its first reply, often before any run).
                if progress.executions > 0 {
                    let elapsed_ms = self.progress.iter().flatten().map(|p| p.1).max();
                    out.actions.push(Action::ExploreProgress {
                        generation: ticket.generation,
                        progress,
                        elapsed_ms: elapsed_ms.unwrap_or(0),
                    });
                }
            }
            // The end of the search made on worker 0 alone.
            report @ Report::Explored(_) => {
                self.ticket = None;
                out.actions.extend(pass(ticket, report));
            }
            // Anything else, a warm-up's end above all, is no end of this search: the warm-up's
            // ticket is generation 0, like the page's first search, and a worker's warm-up may
            // end while that search starts.
            report => out.actions.extend(pass(ticket, report)),
        }
        if out.broken {
            // Restart on worker 0 alone (the reducer keeps the search's generation).
            self.coordinator = None;
            self.progress[1] = None;
            out.sends.clear();
            out.sends.push((1, Input::Stop { ticket }));
            if let Some(task) = self.task.clone() {
                out.sends.push((0, Input::Start { ticket, task }));
            }
        }
        (out.actions, out.sends)
    }

    /// A side's reply (`lane`'s `report`) to the coordinator.
    fn reply(&mut self, ticket: Ticket, lane: usize, report: Report, out: &mut Effects) {
        let Some(coordinator) = self.coordinator.as_mut() else {
            return;
        };
        let next = match (lane, report) {
            (0, Report::Dpor(reply)) => coordinator.from_dpor(reply),
            (1, Report::Stateful(reply)) => coordinator.from_stateful(reply),
            _ => {
                out.broken = true;
                return;
            }
        };
        let Ok(Next {
            send,
            cancel_dpor,
            result,
        }) = next
        else {
            out.broken = true;
            return;
        };
        if cancel_dpor {
            out.sends.push((0, Input::Cancel { ticket }));
        }
        out.commands(ticket, send);
        if let Some(result) = result {
            self.ticket = None;
            out.actions.push(Action::ExploreFinished {
                generation: ticket.generation,
                result,
            });
        }
    }

    /// Both workers' progress as one: their runs and steps summed, their outcomes DPOR's
    /// first, then the stateful search's others (counts summed), as the result lists them.
    fn combined(&self) -> ExploreProgress {
        let mut all: Option<ExploreProgress> = None;
        for (progress, _) in self.progress.iter().flatten() {
            let Some(sum) = all.as_mut() else {
                all = Some(progress.clone());
                continue;
            };
            sum.executions += progress.executions;
            sum.total_steps += progress.total_steps;
            sum.race |= progress.race;
            sum.deadlock |= progress.deadlock;
            for outcome in &progress.outcomes {
                let same = |o: &&mut racemap::explore::Outcome| {
                    (&o.stdout, &o.error, o.race, &o.leaked)
                        == (
                            &outcome.stdout,
                            &outcome.error,
                            outcome.race,
                            &outcome.leaked,
                        )
                };
                match sum.outcomes.iter_mut().find(same) {
                    Some(known) => known.count += outcome.count,
                    None => sum.outcomes.push(outcome.clone()),
                }
            }
        }
        all.unwrap_or(ExploreProgress {
            executions: 0,
            total_steps: 0,
            finished: false,
            race: false,
            deadlock: false,
            outcomes: Vec::new(),
        })
    }

    /// The two workers, while they are alive.
    pub fn worker(&self, lane: usize) -> Option<Bridge> {
        self.workers.get(lane)?.upgrade()
    }
}

/// What a reply comes to.
#[derive(Default)]
struct Effects {
    /// Actions for the reducer.
    actions: Vec<Action>,
    /// Messages for the workers: (worker, input).
    sends: Vec<(usize, Input)>,
    /// The protocol broke.
    broken: bool,
}

impl Effects {
    /// The coordinator's `commands`, as messages to their workers.
    fn commands(&mut self, ticket: Ticket, commands: Vec<Command>) {
        for command in commands {
            self.sends.push(match command {
                Command::Dpor(command) => (0, Input::Dpor { ticket, command }),
                Command::Stateful(command) => (1, Input::Stateful { ticket, command }),
            });
        }
    }
}

/// A report of "Find a bug" as the reducer's action (the reducer checks the generation);
/// `None` for a report that is not the reducer's.
pub fn pass(ticket: Ticket, report: Report) -> Option<Action> {
    let generation = ticket.generation;
    match (ticket.row, report) {
        (
            None,
            Report::Progress {
                progress,
                elapsed_ms,
            },
        ) => Some(Action::ExploreProgress {
            generation,
            progress,
            elapsed_ms,
        }),
        (None, Report::Explored(result)) => Some(Action::ExploreFinished { generation, result }),
        (None, Report::Warm) => Some(Action::ExplorerWarm),
        (
            Some(row),
            Report::Progress {
                progress,
                elapsed_ms,
            },
        ) => Some(Action::CompareProgress {
            generation,
            index: row as usize,
            progress,
            elapsed_ms,
        }),
        (Some(row), Report::Compared(outcome)) => Some(Action::CompareFinished {
            generation,
            index: row as usize,
            outcome,
        }),
        // The reducer starts a search only for a program that compiles; a report that does not
        // fit its ticket is not racemap's.
        _ => None,
    }
}

#[cfg(test)]
mod tests;
