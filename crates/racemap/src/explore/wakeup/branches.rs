//! The branches of one wakeup-tree node, indexed so that finding the leftmost branch whose
//! move is a weak initial of a sequence costs about the sequence's size and the number of
//! *runs* of branches, not the number of branches.
//!
//! Whether a branch's move `s` is a weak initial of `w` (reversing the race with `reversed`,
//! [`WakeStep::weak_initial_in`]) is decided in one of two ways:
//!
//! * `s`'s goroutine moves in `w`: only the few branches of `w`'s goroutines can be such, and
//!   each is checked in full; the index by goroutine ([`Branches::by_gid`]) finds them.
//! * It does not: `s` must commute with every move of `w` and with `reversed`, which depends
//!   only on `s`'s footprint and its other participants (a `go` statement's child), given that
//!   its goroutine takes no part in `w` nor in `reversed`. Consecutive branches of one such
//!   class form a *run* ([`Branches::runs`]); the class is checked once per run, and the run's
//!   first branch whose goroutine is outside `w` and `reversed` is then the run's candidate.
//!
//! The leftmost candidate of the two kinds is the answer. A state of a goroutine bomb holds a
//! branch per goroutine racing for one mutex, all of one class: a single run, so inserting
//! the race of each of N goroutines into one node costs O(N log N), not O(N²).
//!
//! A node of at most [`SMALL`] branches (nearly every node of a small program) keeps no index
//! and is scanned: the index is built when the node grows past that.

use super::{InitialFilter, WakeStep};
use crate::rt::event::Gid;
use crate::sched::Choice;
use std::collections::{BTreeMap, VecDeque};

/// The most branches a node holds before it is indexed.
const SMALL: usize = 16;

/// The branches of a node, each a move and what follows it (`S`), leftmost first.
#[derive(Clone, Debug)]
pub(super) struct Branches<S> {
    /// The branches, leftmost first.
    list: VecDeque<(WakeStep, S)>,
    /// The order key of `list[0]`: branch `k` of `list` has key `first + k`, so keys stay
    /// as branches come and go at either end.
    first: i64,
    /// `by_gid` and `runs` are kept (the node once held more than [`SMALL`] branches).
    // Invariant: when false, `by_gid` and `runs` are empty and `list` holds at most `SMALL`.
    indexed: bool,
    /// The keys of the branches by the goroutine of their move.
    // Invariant (when `indexed`): exactly the keys of `list`, each under its move's
    // goroutine, ascending.
    by_gid: BTreeMap<Gid, Vec<i64>>,
    /// The lengths of the maximal runs of consecutive branches of one class ([`same_class`]),
    /// leftmost first.
    // Invariant (when `indexed`): every length is positive and they sum to `list.len()`;
    // neighbouring runs are of different classes.
    runs: VecDeque<usize>,
}

impl<S> Default for Branches<S> {
    fn default() -> Self {
        Branches {
            list: VecDeque::new(),
            first: 0,
            indexed: false,
            by_gid: BTreeMap::new(),
            runs: VecDeque::new(),
        }
    }
}

/// What [`Branches::find_initial`] found.
pub(super) struct Probe {
    /// The leftmost branch whose move is a weak initial, by position, and where its move is in
    /// the sequence (`None`: its goroutine does not move there).
    pub found: Option<(usize, Option<usize>)>,
    /// The branches and runs checked: what the search cost.
    pub checks: usize,
}

/// The participants of `s` other than its own goroutine.
fn others(s: &WakeStep) -> impl Iterator<Item = &Gid> {
    s.participants.iter().filter(move |g| **g != s.choice.gid)
}

/// Two moves whose goroutines take no part in a sequence are weak initials of it alike: they
/// touch the same and involve the same other goroutines.
fn same_class(a: &WakeStep, b: &WakeStep) -> bool {
    a.summary == b.summary && a.footprint == b.footprint && others(a).eq(others(b))
}

impl<S> Branches<S> {
    /// No branch.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The branches, leftmost first.
    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = &(WakeStep, S)> {
        self.list.iter()
    }

    /// The branch at `k` (from the left).
    pub fn get(&self, k: usize) -> &(WakeStep, S) {
        &self.list[k]
    }

    /// What follows the branch at `k`.
    pub fn below_mut(&mut self, k: usize) -> &mut S {
        &mut self.list[k].1
    }

    /// A branch starts with `choice`.
    pub fn contains(&self, choice: Choice) -> bool {
        if !self.indexed {
            return self.list.iter().any(|(s, _)| s.choice == choice);
        }
        self.by_gid.get(&choice.gid).is_some_and(|keys| {
            keys.iter()
                .any(|key| self.list[(key - self.first) as usize].0.choice == choice)
        })
    }

    /// Index the branches once the node is about to grow past [`SMALL`].
    fn index_if_large(&mut self) {
        if self.indexed || self.list.len() < SMALL {
            return;
        }
        self.indexed = true;
        for k in 0..self.list.len() {
            let key = self.first + k as i64;
            let step = &self.list[k].0;
            self.by_gid.entry(step.choice.gid).or_default().push(key);
            let joins = k > 0 && same_class(&self.list[k - 1].0, step);
            match self.runs.back_mut() {
                Some(len) if joins => *len += 1,
                _ => self.runs.push_back(1),
            }
        }
    }

    /// Add a branch at the right end.
    pub fn push_back(&mut self, step: WakeStep, below: S) {
        self.index_if_large();
        if !self.indexed {
            self.list.push_back((step, below));
            return;
        }
        let key = self.first + self.list.len() as i64;
        self.by_gid.entry(step.choice.gid).or_default().push(key);
        let joins = self.list.back().is_some_and(|(s, _)| same_class(s, &step));
        match self.runs.back_mut() {
            Some(len) if joins => *len += 1,
            _ => self.runs.push_back(1),
        }
        self.list.push_back((step, below));
    }

    /// Add a branch at the left end.
    pub fn push_front(&mut self, step: WakeStep, below: S) {
        self.index_if_large();
        self.first -= 1;
        if !self.indexed {
            self.list.push_front((step, below));
            return;
        }
        self.by_gid
            .entry(step.choice.gid)
            .or_default()
            .insert(0, self.first);
        let joins = self.list.front().is_some_and(|(s, _)| same_class(s, &step));
        match self.runs.front_mut() {
            Some(len) if joins => *len += 1,
            _ => self.runs.push_front(1),
        }
        self.list.push_front((step, below));
    }

    /// Remove the leftmost branch.
    pub fn pop_front(&mut self) -> Option<(WakeStep, S)> {
        let branch = self.list.pop_front()?;
        if !self.indexed {
            self.first += 1;
            return Some(branch);
        }
        let gid = branch.0.choice.gid;
        if let Some(keys) = self.by_gid.get_mut(&gid) {
            keys.retain(|k| *k != self.first);
            if keys.is_empty() {
                self.by_gid.remove(&gid);
            }
        }
        self.first += 1;
        if let Some(len) = self.runs.front_mut() {
            *len -= 1;
            if *len == 0 {
                self.runs.pop_front();
            }
        }
        Some(branch)
    }

    /// The leftmost branch whose move is a weak initial of `w` (reversing the race with
    /// `reversed`; `filter` is `w`'s), as a scan of every branch with
    /// [`InitialFilter::weak_initial`] would find it.
    pub fn find_initial(
        &self,
        w: &[WakeStep],
        reversed: &WakeStep,
        filter: &InitialFilter,
    ) -> Probe {
        if !self.indexed {
            let mut checks = 0;
            let found = self.list.iter().enumerate().find_map(|(k, (s, _))| {
                checks += 1;
                filter.weak_initial(s, w, reversed).map(|at| (k, at))
            });
            return Probe { found, checks };
        }
        let mut checks = 0;
        // Branches of goroutines that move in `w`: checked in full.
        let mut best: Option<(i64, Option<usize>)> = None;
        for g in &filter.gids {
            for &key in self.by_gid.get(g).into_iter().flatten() {
                checks += 1;
                let s = &self.list[(key - self.first) as usize].0;
                if let Some(at) = filter.weak_initial(s, w, reversed) {
                    if best.is_none_or(|(b, _)| key < b) {
                        best = Some((key, at));
                    }
                    // One move of a goroutine matches its move in `w`: the others do not.
                    break;
                }
            }
        }
        // Branches of other goroutines, a run at a time (none when a move of `w` or
        // `reversed` is dependent with every move).
        if !filter.barrier {
            let mut excluded: Vec<Gid> = filter.gids.clone();
            excluded.extend(reversed.participants.iter().copied());
            excluded.sort_unstable();
            let outside = |g: &Gid| excluded.binary_search(g).is_err();
            let mut start = 0usize;
            for &len in &self.runs {
                let key = self.first + start as i64;
                if best.is_some_and(|(b, _)| b <= key) {
                    break;
                }
                checks += 1;
                let rep = &self.list[start].0;
                let commutes = others(rep).all(outside)
                    && w.iter().chain([reversed]).all(|e| {
                        !e.footprint
                            .dependent_summarized(e.summary, &rep.footprint, rep.summary)
                    });
                if commutes {
                    let first_outside = (start..start + len).find(|&k| {
                        checks += 1;
                        outside(&self.list[k].0.choice.gid)
                    });
                    if let Some(k) = first_outside {
                        let key = self.first + k as i64;
                        if best.is_none_or(|(b, _)| key < b) {
                            best = Some((key, None));
                        }
                        break;
                    }
                }
                start += len;
            }
        }
        let found = best.map(|(key, at)| ((key - self.first) as usize, at));
        if cfg!(debug_assertions) && self.list.len() <= 300 {
            // The index against the scan it replaces.
            let scanned = self
                .list
                .iter()
                .enumerate()
                .find_map(|(k, (s, _))| filter.weak_initial(s, w, reversed).map(|at| (k, at)));
            debug_assert_eq!(found, scanned, "the branch index missed a weak initial");
        }
        Probe { found, checks }
    }
}
