//! Whom an outcome's schedule passes in Go's lock and channel queues: a replay of its path
//! asking the target, before each move, whether the move takes a lock or completes a handoff
//! ahead of goroutines queued there first ([`Target::overtake`], the rule of a run as an
//! oracle). Called only when the outcome set could keep the schedule
//! ([`super::outcome::OutcomeSet::record`]), so the search itself pays nothing for it.

use crate::sched::Choice;
use crate::target::{Overtake, Target, WakeSteps};

/// The moves of `path`, replayed from `root`, that pass goroutines in Go's queues, in order
/// (each distinct one once).
pub(super) fn overtakes<T: Target>(root: &T, path: &[Choice]) -> Vec<Overtake> {
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

/// [`overtakes`] of a schedule meant to end printing `stdout` (made of a path to a state and
/// the rest of another path from an equal one): `None` when a move of it cannot be made or
/// the run does not end so.
pub(super) fn overtakes_reaching<T: Target>(
    root: &T,
    path: &[Choice],
    stdout: &[u8],
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
    (target.ending().is_some() && target.stdout_bytes() == stdout).then_some(found)
}
