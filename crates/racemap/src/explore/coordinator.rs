//! The decisions of the side-by-side search on two workers, as a state machine independent of
//! how messages travel: [`super::parallel`] runs it with two threads and channels; the page runs
//! it with two Web Workers and their messages. Both therefore decide alike, and the answer never
//! depends on timing (see [`super::parallel`]'s docs for the protocol: DPOR's turn `j + 1` runs
//! speculatively while the stateful search makes its turn `j`; after each pair of turns the
//! coordinator decides as the one-thread search [`super::explorer`] would).
//!
//! The coordinator sends each side a command ([`ToDpor`], [`ToStateful`]) and waits for its
//! reply ([`FromDpor`], [`FromStateful`]); the two sides' replies may arrive in any order. Each
//! reply gives the coordinator's next move ([`Next`]): commands to send, whether to cancel
//! DPOR's speculative turn (its work is thrown away), or the search's result. The sides
//! themselves are [`super::sides`].

use super::outcome::{ExploreResult, OutcomeSet, SearchLimit};
use serde::{Deserialize, Serialize};

/// What the coordinator asks the DPOR side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToDpor {
    /// Keep a copy of the search as it is now (the end of a turn), then make the next turn.
    Turn,
    /// The stateful search is over and complete: the runs DPOR had at its copy, then stop.
    RunsAtCopy,
    /// The stateful search gave up or reached a budget: go back to the copy, add these runs
    /// (the stateful search's), and go on alone with the whole executions budget.
    AloneFromCopy(OutcomeSet),
    /// DPOR is over: add these runs (the stateful search's, when DPOR's verdict is final) and
    /// send the result.
    Finish(Option<OutcomeSet>),
}

/// What the DPOR side answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromDpor {
    /// A turn ended.
    Turn(DporTurn),
    /// Its runs, and what stopped it.
    Runs(OutcomeSet, Option<SearchLimit>),
}

/// The end of one of DPOR's turns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DporTurn {
    /// DPOR is over (complete or at a limit).
    pub over: bool,
    /// What it skipped so far.
    pub limit: Option<SearchLimit>,
    /// Its steps so far.
    pub steps: u64,
}

/// What the coordinator asks the stateful side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ToStateful {
    /// Make the next turn.
    Turn,
    /// DPOR is over and complete with these runs after this many steps: check it.
    Check(OutcomeSet, u64),
    /// DPOR stopped at its share of the executions budget or at its steps budget (or at the
    /// early-tick bound the stateful search lifts) with these runs: go on alone; after DPOR's
    /// share of the executions, made in this many steps (`Some`), within the other share
    /// (`explorer::alone_budget`).
    Alone(OutcomeSet, Option<u64>),
    /// Add these runs (DPOR's), then send the result (the stateful search is complete).
    Finish(OutcomeSet),
    /// Send the runs so far and stop (DPOR goes on with them).
    Give,
}

/// How one of the stateful search's turns ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StatefulTurn {
    /// The turn's steps are made; the search goes on.
    Paused,
    /// The search is over (complete, or stopped by a budget).
    Over,
    /// The search gave up (a cycle, a run that could reach a step limit).
    GaveUp,
}

/// What the stateful side answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FromStateful {
    /// A turn ended so, and what the search skipped so far.
    Turn(StatefulTurn, Option<SearchLimit>),
    /// Its runs, and what stopped it.
    Runs(OutcomeSet, Option<SearchLimit>),
}

/// A command for one of the sides.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// For the DPOR side.
    Dpor(ToDpor),
    /// For the stateful side.
    Stateful(ToStateful),
}

/// What the coordinator does after a reply.
#[derive(Clone, Debug, Default)]
pub struct Next {
    /// Send these, in this order.
    pub send: Vec<Command>,
    /// Cancel DPOR's speculative turn: it will never be used (DPOR still answers it).
    pub cancel_dpor: bool,
    /// The search is over: its result.
    pub result: Option<ExploreResult>,
}

/// A reply that does not fit the protocol (a side is broken: the caller searches on one
/// thread instead).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProtocolError;

/// The side a relay waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Dpor,
    Stateful,
}

/// What the runs of the first side of a relay become for the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Then {
    /// [`ToStateful::Check`] after DPOR's steps.
    Check(u64),
    /// [`ToStateful::Alone`], with DPOR's steps when it used its share of the executions.
    StatefulAlone(Option<u64>),
    /// [`ToStateful::Finish`].
    StatefulFinish,
    /// [`ToDpor::Finish`] with them.
    DporFinish,
    /// [`ToDpor::AloneFromCopy`].
    DporAlone,
}

/// Where the coordinator stands.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// Both sides make a turn; their replies so far.
    Turns {
        stateful: Option<(StatefulTurn, Option<SearchLimit>)>,
        dpor: Option<DporTurn>,
    },
    /// Waiting for `from`'s runs, to pass them on as `then`.
    Relay { from: Side, then: Then },
    /// Waiting for `from`'s runs: the result.
    Last { from: Side },
    /// The result is given.
    Done,
}

/// The coordinator of the side-by-side search on two workers.
#[derive(Clone, Debug)]
pub struct Coordinator {
    /// Where it stands.
    phase: Phase,
}

impl Coordinator {
    /// The coordinator, and its first commands: the stateful search's (short) turn 0 and
    /// DPOR's turn 1 (DPOR's turn 0 is empty).
    pub fn start() -> (Coordinator, Vec<Command>) {
        let coordinator = Coordinator {
            phase: Phase::Turns {
                stateful: None,
                dpor: None,
            },
        };
        (coordinator, turns())
    }

    /// The search is over.
    pub fn done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// The DPOR side answered `reply`.
    pub fn from_dpor(&mut self, reply: FromDpor) -> Result<Next, ProtocolError> {
        match reply {
            FromDpor::Turn(turn) => match &mut self.phase {
                Phase::Turns { dpor, .. } if dpor.is_none() => {
                    *dpor = Some(turn);
                    Ok(self.after_turns())
                }
                _ => Err(ProtocolError),
            },
            FromDpor::Runs(runs, limit) => self.runs(Side::Dpor, runs, limit),
        }
    }

    /// The stateful side answered `reply`.
    pub fn from_stateful(&mut self, reply: FromStateful) -> Result<Next, ProtocolError> {
        match reply {
            FromStateful::Turn(turn, limit) => match &mut self.phase {
                Phase::Turns { stateful, dpor } if stateful.is_none() => {
                    // DPOR's turn j + 1 never happens if the stateful search ended in its
                    // turn j: stop it early.
                    let cancel = turn != StatefulTurn::Paused && dpor.is_none();
                    *stateful = Some((turn, limit));
                    let mut next = self.after_turns();
                    next.cancel_dpor = cancel;
                    Ok(next)
                }
                _ => Err(ProtocolError),
            },
            FromStateful::Runs(runs, limit) => self.runs(Side::Stateful, runs, limit),
        }
    }

    /// `side`'s runs arrived.
    fn runs(
        &mut self,
        side: Side,
        runs: OutcomeSet,
        limit: Option<SearchLimit>,
    ) -> Result<Next, ProtocolError> {
        match self.phase {
            Phase::Relay { from, then } if from == side => {
                let (command, from) = match then {
                    Then::Check(steps) => (
                        Command::Stateful(ToStateful::Check(runs, steps)),
                        Side::Stateful,
                    ),
                    Then::StatefulAlone(dpor_steps) => (
                        Command::Stateful(ToStateful::Alone(runs, dpor_steps)),
                        Side::Stateful,
                    ),
                    Then::StatefulFinish => {
                        (Command::Stateful(ToStateful::Finish(runs)), Side::Stateful)
                    }
                    Then::DporFinish => (Command::Dpor(ToDpor::Finish(Some(runs))), Side::Dpor),
                    Then::DporAlone => (Command::Dpor(ToDpor::AloneFromCopy(runs)), Side::Dpor),
                };
                self.phase = Phase::Last { from };
                Ok(Next {
                    send: vec![command],
                    ..Next::default()
                })
            }
            Phase::Last { from } if from == side => {
                self.phase = Phase::Done;
                Ok(Next {
                    result: Some(runs.finish(limit)),
                    ..Next::default()
                })
            }
            _ => Err(ProtocolError),
        }
    }

    /// The decision once both turns are in (nothing to do while one is missing).
    fn after_turns(&mut self) -> Next {
        let Phase::Turns {
            stateful: Some((step, stateful_limit)),
            dpor: Some(dpor),
        } = self.phase
        else {
            return Next::default();
        };
        let (first, then) = match step {
            StatefulTurn::Paused if !dpor.over => {
                self.phase = Phase::Turns {
                    stateful: None,
                    dpor: None,
                };
                return Next {
                    send: turns(),
                    ..Next::default()
                };
            }
            // DPOR over in its turn; the stateful search made every turn before it.
            StatefulTurn::Paused => match dpor.limit {
                None => (Command::Dpor(ToDpor::Finish(None)), Then::Check(dpor.steps)),
                // DPOR at a budget, or at a bound the stateful search does not need (it lets
                // tickers fire early without bound and a goroutine go on at once after
                // `runtime.Gosched`): the stateful search goes on alone.
                Some(
                    SearchLimit::MaxExecutions
                    | SearchLimit::MaxTotalSteps
                    | SearchLimit::EarlyTicks
                    | SearchLimit::Fairness,
                ) => (
                    Command::Dpor(ToDpor::Finish(None)),
                    Then::StatefulAlone(
                        (dpor.limit == Some(SearchLimit::MaxExecutions)).then_some(dpor.steps),
                    ),
                ),
                Some(_) => (Command::Stateful(ToStateful::Give), Then::DporFinish),
            },
            // The stateful search over in its turn j: DPOR's turn j + 1 never happened.
            StatefulTurn::Over if stateful_limit.is_none() => {
                (Command::Dpor(ToDpor::RunsAtCopy), Then::StatefulFinish)
            }
            _ => (Command::Stateful(ToStateful::Give), Then::DporAlone),
        };
        let from = match first {
            Command::Dpor(_) => Side::Dpor,
            Command::Stateful(_) => Side::Stateful,
        };
        self.phase = Phase::Relay { from, then };
        Next {
            send: vec![first],
            ..Next::default()
        }
    }
}

/// A turn of each side: the stateful search's first (it never runs ahead of a confirmed turn),
/// then DPOR's speculative one.
fn turns() -> Vec<Command> {
    vec![
        Command::Stateful(ToStateful::Turn),
        Command::Dpor(ToDpor::Turn),
    ]
}
