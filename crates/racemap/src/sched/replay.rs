//! Replay: make the moves of a recorded [`Schedule`], then let a fallback scheduler continue.
//!
//! If a recorded move is not runnable (the program or the machine changed), replay has
//! *diverged*: it records the step and hands over to the fallback from then on.

use super::{Choice, Schedule, Scheduler};

/// Replays a schedule, then defers to `fallback` (or stops when there is none).
pub struct ReplayScheduler {
    /// The moves to replay.
    schedule: Schedule,
    /// Index of the next move to replay.
    position: usize,
    /// The step at which a recorded move was not runnable, if that happened.
    diverged_at: Option<usize>,
    /// Who decides after the schedule ran out or diverged.
    fallback: Option<Box<dyn Scheduler>>,
}

impl ReplayScheduler {
    /// Replay `schedule`, then use `fallback` (`None`: stop the run).
    pub fn new(schedule: Schedule, fallback: Option<Box<dyn Scheduler>>) -> ReplayScheduler {
        ReplayScheduler {
            schedule,
            position: 0,
            diverged_at: None,
            fallback,
        }
    }

    /// The step at which the recorded schedule stopped matching the program, if it did.
    pub fn diverged_at(&self) -> Option<usize> {
        self.diverged_at
    }

    /// All recorded moves were made.
    pub fn finished(&self) -> bool {
        self.position >= self.schedule.len()
    }
}

impl Scheduler for ReplayScheduler {
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        if self.diverged_at.is_none() {
            if let Some(next) = self.schedule.choices.get(self.position).copied() {
                if choices.contains(&next) {
                    self.position += 1;
                    return Some(next);
                }
                self.diverged_at = Some(self.position);
            }
        }
        self.fallback.as_mut()?.pick(choices)
    }

    /// The fallback follows every move, the replayed ones too.
    fn observe(&mut self, choice: Choice, events: &[crate::rt::event::Event]) {
        if let Some(f) = self.fallback.as_mut() {
            f.observe(choice, events);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::event::Gid;
    use crate::sched::RoundRobinScheduler;

    fn c(g: u32) -> Choice {
        Choice {
            gid: Gid(g),
            alt: 0,
        }
    }

    #[test]
    fn replays_then_falls_back() {
        let s = Schedule {
            choices: vec![c(1), c(0)],
            running_clock_from: None,
        };
        let mut r = ReplayScheduler::new(s.clone(), None);
        assert_eq!(r.pick(&[c(0), c(1)]), Some(c(1)));
        assert_eq!(r.pick(&[c(0), c(1)]), Some(c(0)));
        assert_eq!(r.pick(&[c(0), c(1)]), None);
        assert!(r.finished());

        let mut r = ReplayScheduler::new(s, Some(Box::new(RoundRobinScheduler::new())));
        assert_eq!(r.pick(&[c(0), c(2)]), Some(c(0)));
        assert_eq!(r.diverged_at(), Some(0));
    }
}
