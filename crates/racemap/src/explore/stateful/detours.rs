//! Schedules through states reached again: the stateful search runs each state's future once,
//! so an outcome is recorded with the first path that reaches it, and a second path to one of
//! the states on the way (or to its final state) is cut there. When the kept schedule has
//! notes (sleeps cut short, goroutines passed in a lock or channel queue) the second path may
//! need fewer: the outcome is offered the schedule made of the second path and the rest of a
//! path found to it from that state (`OutcomeSet::improve`; a replay checks that it ends as
//! the outcome and finds its notes). The paths found to outcomes with notes are indexed by the
//! keyed states they pass ([`Detours`]); the replays are budgeted to the search's own steps
//! and [`DETOUR_STEPS`], so they at most double the work of a search longer than that.
//!
//! An outcome is offered detours only while its kept schedule has more notes than the fewest
//! any schedule of it can have ([`Stateful::notes_floor`]): one for an outcome the second
//! search (sleepers waking at any time) found first, as every schedule to it cuts a sleep
//! short. The first search, in virtual time, ran to its end before the second began and found
//! every outcome a schedule cutting no sleep short reaches (such a schedule is a run in
//! virtual time), so an outcome it did not find has no such schedule. Without that bound the
//! detours replayed, for outcomes that always need a sleep cut short, paths that could never
//! improve them (a timeout's outcomes: `realistic.go`'s search 1.87 → 2.33 s).

use super::Stateful;
use crate::explore::outcome::OutcomeKey;
use crate::rt::machine::Renaming;
use crate::sched::Choice;
use crate::target::Target;
use std::collections::{BTreeMap, BTreeSet};

/// Steps any search may replay for detours beside its own steps.
const DETOUR_STEPS: u64 = 100_000;

/// The paths found to the outcomes with notes, by the keyed states they pass.
#[derive(Clone, Debug, Default)]
pub(super) struct Detours {
    /// Per keyed state: the paths passing it (index into `paths`), how many of their moves
    /// lead to it, and the renaming its key was taken under there (`symmetry`).
    // Invariant: every index is below `paths.len()`, every count at most its path's length.
    through: BTreeMap<u128, Vec<(usize, usize, Option<Renaming>)>>,
    /// The paths (from the search's root) found to outcomes with notes, each with its outcome
    /// and the keyed states it passes (with how many of its moves lead to each).
    paths: Vec<Indexed>,
    /// Steps replayed for detours so far (at most the search's own steps and
    /// [`DETOUR_STEPS`]).
    replayed: u64,
    /// In the second search: the outcomes known when it began (after the first search ran to
    /// its end, with those of any other search absorbed by then); any other outcome needs a
    /// sleep cut short in every schedule. `None` in the first search.
    known_before_any_time: Option<BTreeSet<OutcomeKey>>,
}

/// A keyed state a path passes: its key, how many of the path's moves lead there, and the
/// renaming the key was taken under (`symmetry`).
type PathState = (u128, usize, Option<Renaming>);

/// A path found to an outcome with notes.
#[derive(Clone, Debug)]
struct Indexed {
    /// Its outcome.
    key: OutcomeKey,
    /// Its moves from the search's root.
    path: Vec<Choice>,
    /// The keyed states it passes, each with how many of its moves lead there (ascending)
    /// and the renaming its key was taken under there.
    states: Vec<PathState>,
}

impl Detours {
    /// Index `path`, found to outcome `key`, passing `states`.
    fn index(&mut self, key: &OutcomeKey, path: Vec<Choice>, states: Vec<PathState>) {
        let at = self.paths.len();
        for (state, moves, renaming) in &states {
            self.through
                .entry(*state)
                .or_default()
                .push((at, *moves, renaming.clone()));
        }
        self.paths.push(Indexed {
            key: key.clone(),
            path,
            states,
        });
    }
}

impl<T: Target> Stateful<T> {
    /// The keyed states of the current path (frame `i` is the state after its first `i`
    /// moves).
    fn path_states(&self) -> Vec<PathState> {
        self.stack
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((f.key?, i, f.memo.renaming.clone())))
            .collect()
    }

    /// The outcome `key` was just recorded with `path` (the current path and the move to its
    /// final state): index it when its schedule has notes.
    pub(super) fn note_detours(&mut self, key: &OutcomeKey, path: &[Choice]) {
        if !self.improvable(key) {
            return;
        }
        let states = self.path_states();
        self.detours.index(key, path.to_vec(), states);
    }

    /// The keyed state `state` was reached again by the current path and `choice`, its key
    /// taken under `renaming`: offer each outcome with notes a found path of which passes it
    /// that path and the rest of that one (its goroutines renamed to this state's when the
    /// key stands for a renaming of it, `symmetry::carry`).
    pub(super) fn take_detours(
        &mut self,
        state: u128,
        choice: Choice,
        renaming: Option<&Renaming>,
    ) {
        let Some(entries) = self.detours.through.get(&state) else {
            return;
        };
        let here = self.path.len() + 1;
        let mut offers: Vec<Indexed> = Vec::new();
        for (at, moves, there) in entries {
            let (at, moves) = (*at, *moves);
            let Some(kept) = self.detours.paths.get(at) else {
                continue;
            };
            if !self.improvable(&kept.key) {
                continue;
            }
            let mut detour = self.path.clone();
            detour.push(choice);
            let rest = kept.path.get(moves..).unwrap_or_default();
            detour.extend(super::symmetry::carry(rest, there.as_ref(), renaming));
            // The states further on are indexed only when the rest keeps its names (their
            // renamings name the kept path's goroutines).
            let same = there.as_ref() == renaming;
            let rest = kept
                .states
                .iter()
                .filter(|(_, m, _)| same && *m > moves)
                .map(|(s, m, r)| (*s, m - moves + here, r.clone()));
            offers.push(Indexed {
                key: kept.key.clone(),
                path: detour,
                states: rest.collect(),
            });
        }
        for offer in offers {
            if self.offer_schedule(&offer.key, &offer.path) {
                let mut states = self.path_states();
                states.push((state, here, renaming.cloned()));
                states.extend(offer.states);
                self.detours.index(&offer.key, offer.path, states);
            }
        }
    }

    /// The final state of outcome `key` was reached again by `path` (the current path and
    /// the move there): offer it the path when its kept schedule has notes.
    pub(super) fn take_final_detour(&mut self, key: &OutcomeKey, path: &[Choice]) {
        if self.improvable(key) && self.offer_schedule(key, path) {
            let states = self.path_states();
            self.detours.index(key, path.to_vec(), states);
        }
    }

    /// Offer outcome `key` the schedule of `path` (replayed within the budget): `true` when
    /// the replay ends as the outcome (kept or not, the path is a way from each of its states
    /// to the outcome, for later detours).
    fn offer_schedule(&mut self, key: &OutcomeKey, path: &[Choice]) -> bool {
        let cost = 2 * path.len() as u64;
        if self.detours.replayed + cost > self.total_steps + DETOUR_STEPS {
            return false;
        }
        self.detours.replayed += cost;
        let schedule = self.schedule(path);
        let (wakes_root, root) = (self.any_time_replay.as_deref(), self.notes_root.as_deref());
        let mut reaches = false;
        self.outcomes.improve(key, &schedule, || {
            let overtakes = super::super::notes::overtakes_reaching(root?, path, key)?;
            reaches = true;
            let early_wakes = wakes_root.map_or_else(Vec::new, |r| super::early_wakes(r, path));
            Some((early_wakes, overtakes))
        });
        reaches
    }

    /// The fewest notes a schedule of outcome `key` can have, as far as the search can tell
    /// (see the module docs): 1 for an outcome first found by the second search, else 0.
    fn notes_floor(&self, key: &OutcomeKey) -> usize {
        match &self.detours.known_before_any_time {
            Some(known) if !known.contains(key) => 1,
            _ => 0,
        }
    }

    /// The schedule kept for outcome `key` has more notes than any schedule of it must have:
    /// another path may improve it.
    fn improvable(&self, key: &OutcomeKey) -> bool {
        self.outcomes.notes_of(key).unwrap_or(0) > self.notes_floor(key)
    }

    /// Forget the kept paths: the search starts again from a new root (the second search's
    /// when [`Stateful::any_time_replay`] is set: the first one ran to its end).
    pub(super) fn clear_detours(&mut self) {
        self.detours = Detours {
            known_before_any_time: self
                .any_time_replay
                .is_some()
                .then(|| self.outcomes.keys().cloned().collect()),
            ..Detours::default()
        };
    }
}
