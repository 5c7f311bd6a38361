//! The forced prefix: the steps every run makes before a second goroutine exists.
//!
//! While the program has one goroutine (none was ever started) and that goroutine has exactly
//! one move (no `select` between ready cases, no choice of map iteration order, no wake-up
//! that could come early), every schedule makes the same steps: no other goroutine exists to
//! run between them, and none of them can race with a later step, because every later
//! goroutine is started after them, so they all happen before its steps. Both searches make
//! these steps once, on their root, before the search begins: no search node, trace entry or
//! state key per step. A program that sorts a few hundred items before its first `go`
//! statement (tens of thousands of steps) costs one plain run of that part, not a node per
//! step. Its steps count neither against the per-run limit of the search's trace nor against
//! the search's budget of steps (`--max-total-steps`, `SearchStats::prefix_steps` counts them):
//! the machine's own step limit, `racemap run`'s, bounds them, so a program that loops forever
//! alone ends its one run there, as `racemap run` does.
//!
//! The race detector observes every step of the prefix, as in any run; the moves are kept so
//! that each run's schedule starts with them and replays from the program's start.

use super::dpor::DporConfig;
use crate::race::Detector;
use crate::sched::Choice;
use crate::target::Target;

/// Make the forced prefix of `target`'s runs on `target` itself (the race detector, when
/// there is one, observing it), at most the target's own step limit (else `config`'s limit
/// per run); returns its moves, in order.
pub(super) fn make_forced_prefix<T: Target>(
    target: &mut T,
    detector: &mut Option<Detector>,
    config: &DporConfig,
) -> Vec<Choice> {
    let max_steps = target
        .step_limit()
        .unwrap_or(config.max_steps_per_execution);
    let mut moves = Vec::new();
    while (moves.len() as u64) < max_steps
        && target.ending().is_none()
        && target.goroutine_count() == 1
        && !target.withholds_early_ticks()
    {
        let choices = target.runnable();
        let [choice] = choices[..] else {
            break;
        };
        if target.early_wake(choice).is_some() {
            break;
        }
        let events = target.step(choice);
        if let Some(d) = detector {
            d.observe_step(&events);
            target.note_races(d.reports().len());
        }
        moves.push(choice);
    }
    moves
}
