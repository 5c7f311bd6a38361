//! Whom an outcome's schedule passes in Go's lock and channel queues: a replay of its path
//! asking the target, before each move, whether the move takes a lock or completes a handoff
//! ahead of goroutines queued there first ([`Target::overtake`], the rule of a run as an
//! oracle). Called only when the outcome set could keep the schedule
//! ([`super::outcome::OutcomeSet::record`]), so the search itself pays nothing for it.

use super::outcome::OutcomeKey;
use crate::sched::Choice;
use crate::target::{Overtake, Target, WakeSteps};

/// The moves of `path`, replayed from `root`, that pass goroutines in Go's queues, in order
/// (each distinct one once).
pub(super) fn overtakes<T: Target>(root: &T, path: &[Choice]) -> Vec<Overtake> {
    // A move passes a goroutine only when a sleep or a timer ended between their arrivals
    // ([`WakeSteps`]): a program that never sleeps needs no replay.
    if !root.may_sleep() {
        return Vec::new();
    }
    let mut target = root.clone();
    let mut found: Vec<Overtake> = Vec::new();
    let mut wakes = WakeSteps::default();
    for &choice in path {
        if let Some(o) = target.overtake(choice, &mut wakes) {
            if !found.contains(&o) {
                found.push(o);
            }
        }
        target.step(choice);
    }
    found
}

/// [`overtakes`] of a schedule meant to end as `outcome` (made of a path to a state and the
/// rest of another path from an equal one): `None` when a move of it cannot be made or the
/// run does not end so (its output, failure and leaked goroutines; the race detector is not
/// replayed: the states were equal, the detector's included).
pub(super) fn overtakes_reaching<T: Target>(
    root: &T,
    path: &[Choice],
    outcome: &OutcomeKey,
) -> Option<Vec<Overtake>> {
    let mut target = root.clone();
    let mut found: Vec<Overtake> = Vec::new();
    let mut wakes = WakeSteps::default();
    for &choice in path {
        if !target.can_run(choice) {
            return None;
        }
        if let Some(o) = target.overtake(choice, &mut wakes) {
            if !found.contains(&o) {
                found.push(o);
            }
        }
        target.step(choice);
    }
    let ending = target.ending()?;
    (ending.first_line == outcome.error
        && target.stdout_bytes() == outcome.stdout.as_slice()
        && target.leaked() == outcome.leaked)
        .then_some(found)
}
