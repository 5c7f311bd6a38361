//! Manual scheduling: the caller (the UI, a test) decides every move.

use super::{Choice, Scheduler};

/// Returns the move queued with [`ManualScheduler::set_next`], once; stops the run otherwise.
#[derive(Clone, Debug, Default)]
pub struct ManualScheduler {
    /// The move to make at the next step, if the user chose one.
    next: Option<Choice>,
}

impl ManualScheduler {
    /// A scheduler with nothing queued.
    pub fn new() -> ManualScheduler {
        ManualScheduler::default()
    }

    /// Queue the next move.
    pub fn set_next(&mut self, choice: Choice) {
        self.next = Some(choice);
    }
}

impl Scheduler for ManualScheduler {
    fn pick(&mut self, choices: &[Choice]) -> Option<Choice> {
        let next = self.next.take()?;
        choices.contains(&next).then_some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::event::Gid;

    #[test]
    fn returns_the_queued_choice_once_and_only_if_runnable() {
        let a = Choice {
            gid: Gid(0),
            alt: 0,
        };
        let b = Choice {
            gid: Gid(1),
            alt: 0,
        };
        let mut s = ManualScheduler::new();
        assert_eq!(s.pick(&[a, b]), None);
        s.set_next(b);
        assert_eq!(s.pick(&[a, b]), Some(b));
        assert_eq!(s.pick(&[a, b]), None);
        s.set_next(b);
        assert_eq!(s.pick(&[a]), None);
    }
}
