//! Round-robin scheduling: each goroutine in turn makes one move, in goroutine order; the first
//! alternative of a `select` is taken.

use super::{Choice, Scheduler};
use crate::rt::event::Gid;

/// Moves goroutines in turn.
#[derive(Clone, Debug, Default)]
pub struct RoundRobinScheduler {
    /// The goroutine that moved last.
    last: Option<Gid>,
}

impl RoundRobinScheduler {
    /// A scheduler that starts with the lowest goroutine.
    pub fn new() -> RoundRobinScheduler {
        RoundRobinScheduler::default()
    }
}

impl Scheduler for RoundRobinScheduler {
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        let next = match self.last {
            Some(last) => choices
                .iter()
                .find(|c| c.gid > last)
                .or_else(|| choices.first()),
            None => choices.first(),
        }
        .copied()?;
        self.last = Some(next.gid);
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_through_goroutines() {
        let c = |g| Choice {
            gid: Gid(g),
            alt: 0,
        };
        let mut s = RoundRobinScheduler::new();
        let all = [c(0), c(1), c(2)];
        let picks: Vec<u32> = (0..5)
            .map(|_| s.pick(&all).map(|c| c.gid.0).unwrap_or(99))
            .collect();
        assert_eq!(picks, vec![0, 1, 2, 0, 1]);
        assert_eq!(s.pick(&[c(0), c(2)]), Some(c(2)));
        assert_eq!(s.pick(&[c(0), c(2)]), Some(c(0)));
    }
}
