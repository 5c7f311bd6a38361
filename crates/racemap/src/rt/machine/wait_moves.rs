//! What the explorer asks the wait index (`wait_index`) besides the moves: whether a sleeper
//! may move, and which goroutines' moves a step may have changed, so that a search node's
//! moves follow from its parent's (change propagation: the goroutines the index filed anew or
//! whose class changed enabledness during the step, with those it cannot vouch for) instead of
//! being listed from every goroutine's (a goroutine bomb offers thousands at every step).

use super::*;

impl Machine {
    /// Some goroutine that may move sleeps: among the index's unsure goroutines when it is
    /// fresh (every sleeper is one), else among all.
    pub(super) fn sleeper_may_move(&self) -> bool {
        let sleeps = |g: &Goroutine| matches!(g.status, GoStatus::Sleeping(_));
        match self.fresh_index() {
            Some(w) => w
                .unsure
                .iter()
                .any(|g| self.goroutines.get(g.0 as usize).is_some_and(sleeps)),
            None => self.candidates().any(sleeps),
        }
    }

    /// Start recording what the step about to be made re-examines ([`wait_index::WaitIndex`]'s `delta`):
    /// only when the index matches the machine now.
    pub(super) fn begin_delta(&mut self) {
        // A run never asks (`Machine::moves_changed` answers `None` there): no record, whose
        // upkeep lists a whole class at every change of its enabledness.
        let fresh = self.index_fresh() && !self.queues_arrived();
        if let Some(w) = self.waits.as_deref_mut() {
            w.delta = fresh.then(Vec::new);
        }
    }

    /// After a step: a superset of the goroutines whose moves ([`Machine::runnable_of`]) may
    /// differ from those before it, in id order, when the index knows it (it was kept and
    /// fresh before the step and is now, the run goes on, and nobody sleeps: a sleeper's
    /// move depends on whether anyone else can move). The explorer updates a state's moves
    /// from its parent's with it instead of listing every goroutine's (a bomb's thousands).
    pub fn moves_changed(&self) -> Option<Vec<Gid>> {
        // In a run the index's flags on channel operations are a superset
        // (`Machine::partner_in`): no delta then.
        if self.status != Status::Running || self.queues_arrived() {
            return None;
        }
        let w = self.fresh_index()?;
        let delta = w.delta.as_ref()?;
        // Sleepers are among the goroutines that may have no move.
        let sleeps = |g: Gid| {
            self.goroutines
                .get(g.0 as usize)
                .is_some_and(|gr| matches!(gr.status, GoStatus::Sleeping(_)))
        };
        if w.unsure.iter().any(sleeps) {
            return None;
        }
        let mut out = delta.clone();
        out.extend(w.unsure.iter());
        out.extend(w.varied.iter());
        out.sort_unstable();
        out.dedup();
        Some(out)
    }
}
