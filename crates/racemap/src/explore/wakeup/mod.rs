//! Wakeup trees: what optimal DPOR explores from a state (Abdulla, Aronis, Jonsson, Sagonas,
//! "Source Sets: A Foundation for Optimal Dynamic Partial Order Reduction", JACM 64(4), 2017,
//! section 6).
//!
//! A wakeup tree is an ordered tree of moves: each branch from the root is a sequence that the
//! search will follow from the state before it lets the program run freely. When the search
//! reverses a race, it does not just name a goroutine to try (a source set) but inserts the
//! whole sequence `v` that reverses it, so the new branch starts where `v` leads and no move on
//! it is one a sleep set then forbids: no explored path ends with every enabled move asleep.
//!
//! Insertion ([`WakeupTree::insert`]) skips a sequence already covered: walking down from the
//! root, a branch whose move is a *weak initial* of the sequence (its goroutine's first move in
//! the sequence commutes with everything before it there, or the goroutine does not move in the
//! sequence and its move commutes with all of it) covers it when it is a leaf, and otherwise
//! the rest of the sequence is inserted below it.
//!
//! The branches of a node are indexed ([`branches`]): by goroutine, and in runs of consecutive
//! branches of one footprint, so a node where thousands of goroutines race for one mutex finds
//! the weak initial of each new sequence without a scan of every branch.
//!
//! Goroutines created inside a sequence: the machine numbers goroutines in creation order, and
//! `go` statements of different goroutines commute (`target::footprint`), so the same
//! goroutine has another number when two creations swap. A sequence to follow from a state
//! names the goroutines it creates as they are created when it runs from there: the first one
//! created gets the state's count of goroutines, and so on ([`rename_created`]: a sequence
//! taken from a trace where some other creations came first is renamed before it is replayed
//! or inserted). The walk down a tree renames what is left of the sequence the same way after
//! each move it passes: a move matched with one of the sequence's (the same goroutine's next
//! move) gives its children the branch's numbers, and the sequence's other creations come
//! after the branch's.

mod branches;

use crate::rt::event::Gid;
use crate::sched::Choice;
use crate::target::Footprint;
use branches::Branches;

/// One move of a wakeup sequence, with what decides its dependence on other moves.
#[derive(Clone, Debug)]
pub(super) struct WakeStep {
    /// The move.
    pub choice: Choice,
    /// The goroutines it involves (a rendezvous partner, the child of a `go`).
    pub participants: Vec<Gid>,
    /// What it touches.
    pub footprint: Footprint,
    /// `footprint.summary()`.
    pub summary: u64,
}

impl WakeStep {
    /// A move of `choice`'s goroutine alone, touching `footprint`.
    pub fn solo(choice: Choice, footprint: Footprint) -> WakeStep {
        WakeStep {
            choice,
            participants: vec![choice.gid],
            summary: footprint.summary(),
            footprint,
        }
    }

    /// This move as it would be now, where its goroutine's operation touches `now` (`None`:
    /// it has none): what it touched when recorded (a rendezvous partner's operation, or
    /// everything when the move ended the run) and what it touches now (a footprint's class can
    /// depend on the object's state: a `wg.Done()` that now reaches zero).
    pub fn refreshed(&self, now: Option<Footprint>) -> WakeStep {
        let mut s = self.clone();
        match now {
            Some(f) if f == s.footprint => {}
            Some(f) => {
                s.footprint.union_with(&f);
                s.summary = s.footprint.summary();
            }
            None => {
                s.footprint = Footprint::global();
                s.summary = 0;
            }
        }
        s
    }

    /// `self.refreshed(now).independent(other)`, without copying this move when `now` is what
    /// it touched already (the common case: most footprints do not change).
    pub fn independent_now(&self, now: Option<&Footprint>, other: &WakeStep) -> bool {
        match now {
            Some(f) if *f == self.footprint => self.independent(other),
            _ => self.refreshed(now.cloned()).independent(other),
        }
    }

    /// What this move touches does not depend on where other goroutines stand: a move of one
    /// goroutine (and the child it starts) on plain memory, output or channels, not a
    /// commuting update whose class depends on the object's state, not a map access (which
    /// can meet another goroutine's write and end the run), nor a move that ended the run.
    pub fn order_insensitive(&self) -> bool {
        use crate::target::Resource;
        let f = &self.footprint;
        let solo = match self.participants.len() {
            1 => true,
            2 => f.resources.iter().any(|(r, _)| *r == Resource::Spawn),
            _ => false,
        };
        solo && !f.global
            && f.resources.iter().all(|(r, _)| {
                matches!(
                    r,
                    Resource::Memory(_)
                        | Resource::Output
                        | Resource::Spawn
                        | Resource::Chan(_)
                        | Resource::ChanArrival(_)
                        | Resource::ChanPoll(_)
                        | Resource::Receiver(_)
                        | Resource::ReceiverArrival(_)
                        | Resource::ReceiverPoll(_)
                )
            })
    }

    /// The two moves involve different goroutines and commute.
    pub fn independent(&self, other: &WakeStep) -> bool {
        !self
            .participants
            .iter()
            .any(|g| other.participants.contains(g))
            && !self
                .footprint
                .dependent_summarized(self.summary, &other.footprint, other.summary)
    }

    /// This move is a weak initial of `w`, which reverses the race with `reversed`: it can
    /// start a path equivalent to one starting with `w` (its goroutine's first move in `w` is
    /// this very move and commutes with every move before it, or the goroutine does not move in
    /// `w` and this move commutes with all of it and with `reversed`, which follows `w`: a move
    /// that ends the run, such as a fatal map write that depends on where this goroutine
    /// stands, would keep it from ever running). `Some(Some(k))`: it is `w[k]`; `Some(None)`:
    /// the goroutine does not move in `w`; `None`: no weak initial.
    pub fn weak_initial_in(&self, w: &[WakeStep], reversed: &WakeStep) -> Option<Option<usize>> {
        let g = self.choice.gid;
        for (k, s) in w.iter().enumerate() {
            if s.participants.contains(&g) {
                if s.choice != self.choice {
                    return None;
                }
                return w[..k].iter().all(|e| e.independent(s)).then_some(Some(k));
            }
        }
        (w.iter().all(|e| e.independent(self)) && reversed.independent(self)).then_some(None)
    }
}

/// A quick test that rules most moves out as weak initials of one sequence `w` (reversing the
/// race with `reversed`), computed once for the sequence: a move whose goroutine does not move
/// in `w` is a weak initial only when it commutes with all of `w` and with `reversed`, which a
/// step dependent with everything (one that ended the run) rules out. A state of a goroutine
/// bomb holds thousands of moves done, asleep or scheduled, each tested against the sequence
/// of every race reversed there.
pub(super) struct InitialFilter {
    /// The goroutines that move in `w`.
    gids: Vec<Gid>,
    /// `w` or `reversed` holds a step dependent with every move.
    barrier: bool,
}

impl InitialFilter {
    /// The filter of `w`, which reverses the race with `reversed`.
    pub fn new(w: &[WakeStep], reversed: &WakeStep) -> InitialFilter {
        let mut gids: Vec<Gid> = w
            .iter()
            .flat_map(|s| s.participants.iter().copied())
            .collect();
        gids.sort_unstable();
        gids.dedup();
        let full = |s: &WakeStep| {
            let f = &s.footprint;
            f.global && !f.main_exit && !f.goroutine_exit
        };
        InitialFilter {
            gids,
            barrier: w.iter().any(full) || full(reversed),
        }
    }

    /// `s` is no weak initial of the sequence ([`WakeStep::weak_initial_in`] would say
    /// `None`); `false` when it may be one.
    pub fn excludes(&self, s: &WakeStep) -> bool {
        self.barrier && self.gids.binary_search(&s.choice.gid).is_err()
    }

    /// [`WakeStep::weak_initial_in`], answered at once where the filter excludes `s`.
    pub fn weak_initial(
        &self,
        s: &WakeStep,
        w: &[WakeStep],
        reversed: &WakeStep,
    ) -> Option<Option<usize>> {
        let found = if self.excludes(s) {
            None
        } else {
            s.weak_initial_in(w, reversed)
        };
        debug_assert!(
            !self.excludes(s) || s.weak_initial_in(w, reversed).is_none(),
            "the filter excluded a weak initial"
        );
        found
    }
}

/// Rename the goroutines `w` creates: a goroutine numbered `from` or more that a move of `w`
/// involves before any earlier move did is created by it (no move of a sequence involves a
/// goroutine created outside it, after its start); it gets its number in `map` (old, new),
/// else the next one from `next`, in the order of `w`. Numbers below `from` name goroutines
/// that exist before `w` starts (or that moves before `w` created) and stay.
pub(super) fn rename_created(w: &mut [WakeStep], from: u32, mut map: Vec<(Gid, Gid)>, next: u32) {
    let mut next = next;
    let mut rename = |g: Gid, map: &mut Vec<(Gid, Gid)>| -> Gid {
        if g.0 < from {
            return g;
        }
        if let Some((_, new)) = map.iter().find(|(old, _)| *old == g) {
            return *new;
        }
        let new = Gid(next);
        next += 1;
        map.push((g, new));
        new
    };
    for s in w.iter_mut() {
        for p in s.participants.iter_mut() {
            *p = rename(*p, &mut map);
        }
        s.choice.gid = rename(s.choice.gid, &mut map);
    }
}

/// The goroutines `step` creates, in the naming where numbers below `from` are taken: its
/// participants numbered `from` or more that no move of `before` involves.
fn created_by(step: &WakeStep, before: &[WakeStep], from: u32) -> Vec<Gid> {
    step.participants
        .iter()
        .copied()
        .filter(|g| g.0 >= from && !before.iter().any(|b| b.participants.contains(g)))
        .collect()
}

/// After the walk down a tree passed `branch` (a move of the branch followed from here, where
/// `from` goroutines exist then), what is left of `w` named as it runs after that move: the
/// move `w[at]` it matched (`Some`: the same goroutine's move) is taken out and its children
/// get the branch move's numbers; the other goroutines `w` creates are numbered after those
/// the branch move creates. Returns the count of goroutines that exist after the move.
fn pass(w: &mut Vec<WakeStep>, branch: &WakeStep, at: Option<usize>, from: u32) -> u32 {
    let made: Vec<Gid> = created_by(branch, &[], from);
    let next = from + made.len() as u32;
    let mut map: Vec<(Gid, Gid)> = Vec::new();
    if let Some(at) = at {
        let theirs = created_by(&w[at], &w[..at], from);
        map.extend(theirs.into_iter().zip(made.iter().copied()));
        w.remove(at);
    }
    if !made.is_empty() || !map.is_empty() {
        rename_created(w, from, map, next);
    }
    next
}

/// An ordered tree of move sequences to explore from a state, leftmost first.
// Invariant: no two children of a node have the same choice.
#[derive(Clone, Debug, Default)]
pub(super) struct WakeupTree {
    /// The branches from here, each a move and the tree that follows it, indexed for the
    /// search of a weak initial ([`branches`]).
    children: Branches<WakeupTree>,
}

impl WakeupTree {
    /// Nothing to explore.
    pub fn is_empty(&self) -> bool {
        self.children.is_empty()
    }

    /// A branch starts with `choice`.
    pub fn starts_with(&self, choice: Choice) -> bool {
        self.children.contains(choice)
    }

    /// Add a one-move branch for `step` at the end, unless a branch starts with that move.
    pub fn push_leaf(&mut self, step: WakeStep) {
        if !self.starts_with(step.choice) {
            self.children.push_back(step, WakeupTree::default());
        }
    }

    /// Remove the leftmost branch: its first move and the tree that follows it.
    pub fn take_first(&mut self) -> Option<(WakeStep, WakeupTree)> {
        self.children.pop_front()
    }

    /// Undo [`WakeupTree::take_first`]: make `step` and `below` the leftmost branch again.
    pub fn put_back(&mut self, step: WakeStep, below: WakeupTree) {
        self.children.push_front(step, below);
    }

    /// A branch already covers `w` (which reverses the race with `reversed`):
    /// [`WakeupTree::insert`] would leave the tree as it is. `count` goroutines exist at the
    /// tree's state; `w` names those it creates from there ([`rename_created`]).
    pub fn covers(&self, w: &[WakeStep], reversed: &WakeStep, count: u32) -> bool {
        self.covers_counted(w, reversed, count).0
    }

    /// [`WakeupTree::covers`], with the branches and runs of branches it checked.
    fn covers_counted(&self, w: &[WakeStep], reversed: &WakeStep, count: u32) -> (bool, usize) {
        let mut w = w.to_vec();
        let mut node = self;
        let mut count = count;
        let mut checks = 0;
        loop {
            if w.is_empty() {
                return (true, checks);
            }
            let filter = InitialFilter::new(&w, reversed);
            let probe = node.children.find_initial(&w, reversed, &filter);
            checks += probe.checks;
            match probe.found {
                Some((k, at)) => {
                    let (s, sub) = node.children.get(k);
                    if sub.is_empty() {
                        return (true, checks);
                    }
                    count = pass(&mut w, s, at, count);
                    node = sub;
                }
                None => return (false, checks),
            }
        }
    }

    /// Insert the sequence `w` (reversing the race with `reversed`) unless a branch already
    /// covers it (Abdulla et al. 2017,
    /// `insert_[E](w, wut)`): walk down the leftmost branches whose move is a weak initial of
    /// what is left of `w`, taking that move out of it; a leaf reached that way covers `w`;
    /// elsewhere the rest of `w` becomes a new rightmost branch. `count` goroutines exist at
    /// the tree's state; `w` names those it creates from there ([`rename_created`]).
    pub fn insert(&mut self, mut w: Vec<WakeStep>, reversed: &WakeStep, count: u32) {
        let mut node = self;
        let mut count = count;
        loop {
            if w.is_empty() {
                return;
            }
            let filter = InitialFilter::new(&w, reversed);
            match node.children.find_initial(&w, reversed, &filter).found {
                Some((k, at)) => {
                    let (s, sub) = node.children.get(k);
                    if sub.is_empty() {
                        return;
                    }
                    count = pass(&mut w, s, at, count);
                    node = node.children.below_mut(k);
                }
                None => {
                    let mut branch = WakeupTree::default();
                    while let Some(s) = w.pop() {
                        let mut above = WakeupTree::default();
                        above.children.push_back(s, branch);
                        branch = above;
                    }
                    if let Some((s, below)) = branch.children.pop_front() {
                        node.children.push_back(s, below);
                    }
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rt::value::{ObjId, Pointer};
    use crate::target::Resource;

    fn step(g: u32, obj: u32, write: bool) -> WakeStep {
        WakeStep::solo(
            Choice {
                gid: Gid(g),
                alt: 0,
            },
            Footprint {
                resources: vec![(Resource::Memory(Pointer::root(ObjId(obj))), write)].into(),
                ..Footprint::default()
            },
        )
    }

    /// A move of a goroutine that touches nothing the tests' moves touch.
    fn elsewhere() -> WakeStep {
        step(99, 99, true)
    }

    fn branches(t: &WakeupTree) -> Vec<Vec<u32>> {
        if t.is_empty() {
            return vec![Vec::new()];
        }
        t.children
            .iter()
            .flat_map(|(s, sub)| {
                branches(sub).into_iter().map(move |mut b| {
                    b.insert(0, s.choice.gid.0);
                    b
                })
            })
            .collect()
    }

    /// Goroutine `g` starts goroutine `child`.
    fn spawn(g: u32, child: u32) -> WakeStep {
        WakeStep {
            participants: vec![Gid(g), Gid(child)],
            ..WakeStep::solo(
                Choice {
                    gid: Gid(g),
                    alt: 0,
                },
                Footprint {
                    resources: vec![(Resource::Spawn, true)].into(),
                    ..Footprint::default()
                },
            )
        }
    }

    #[test]
    fn created_goroutines_are_named_by_the_order_of_their_creation() {
        // From a trace where goroutine 10 was created by a step left out: 1's child and 2's
        // are 10 and 11 when the sequence runs from a state with 10 goroutines.
        let mut w = vec![
            spawn(1, 11),
            spawn(2, 12),
            step(11, 5, true),
            step(12, 6, true),
        ];
        rename_created(&mut w, 10, Vec::new(), 10);
        let names: Vec<Vec<u32>> = w
            .iter()
            .map(|s| s.participants.iter().map(|g| g.0).collect())
            .collect();
        assert_eq!(names, vec![vec![1, 10], vec![2, 11], vec![10], vec![11]]);
        assert_eq!(w[2].choice.gid, Gid(10));
    }

    #[test]
    fn a_branch_that_creates_first_renames_the_rest_of_a_sequence() {
        // Branch: 1 starts 10, which writes object 5. The sequence: 2 starts 10, then 1
        // starts 11, which writes object 5. Past 1's move, 1's child is 10 and 2's is 11: the
        // branch covers the sequence (its goroutine 10 is the sequence's 11).
        let mut t = WakeupTree::default();
        t.insert(vec![spawn(1, 10), step(10, 5, true)], &elsewhere(), 10);
        let w = vec![spawn(2, 10), spawn(1, 11), step(11, 5, true)];
        assert!(t.covers(&w, &elsewhere(), 10));
        t.insert(w, &elsewhere(), 10);
        assert_eq!(branches(&t), vec![vec![1, 10]]);
        // Goroutine 10 of the sequence is 2's child: below 1's move it is 11, no weak
        // initial of the branch's 10.
        let w = vec![spawn(2, 10), step(10, 5, true)];
        assert!(!t.covers(&w, &elsewhere(), 10));
        t.insert(w, &elsewhere(), 10);
        assert_eq!(branches(&t), vec![vec![1, 10], vec![2, 10]]);
        // 2's child writes what 1's writes: below 1's move it is 11, a new branch.
        let w = vec![spawn(2, 10), spawn(1, 11), step(10, 5, true)];
        t.insert(w, &elsewhere(), 10);
        assert_eq!(branches(&t), vec![vec![1, 10], vec![1, 2, 11], vec![2, 10]]);
    }

    #[test]
    fn a_sequence_whose_weak_initial_is_a_leaf_is_covered() {
        let mut t = WakeupTree::default();
        t.insert(vec![step(1, 1, true)], &elsewhere(), 100);
        // Goroutine 2 writes another object, then 1 writes: 1 commutes with 2's move, so the
        // leaf 1 covers it.
        t.insert(vec![step(2, 2, true), step(1, 1, true)], &elsewhere(), 100);
        assert_eq!(branches(&t), vec![vec![1]]);
    }

    #[test]
    fn a_sequence_that_must_start_elsewhere_is_a_new_branch() {
        let mut t = WakeupTree::default();
        t.insert(vec![step(1, 1, true), step(3, 2, true)], &elsewhere(), 100);
        // 2 writes what 1 writes, then 1: 1 is no weak initial (it depends on 2's move).
        t.insert(vec![step(2, 1, true), step(1, 1, true)], &elsewhere(), 100);
        assert_eq!(branches(&t), vec![vec![1, 3], vec![2, 1]]);
        // 1 then 4 (writing what 3 writes): walks below 1, where 3 is no weak initial of [4].
        t.insert(vec![step(1, 1, true), step(4, 2, true)], &elsewhere(), 100);
        // 1 then 5 (touching nothing 3 touches): 3 covers it.
        t.insert(vec![step(1, 1, true), step(5, 9, true)], &elsewhere(), 100);
        assert_eq!(branches(&t), vec![vec![1, 3], vec![1, 4], vec![2, 1]]);
        assert!(t.starts_with(Choice {
            gid: Gid(2),
            alt: 0
        }));
        let (first, below) = t.take_first().expect("branch 1");
        assert_eq!(first.choice.gid, Gid(1));
        assert_eq!(branches(&below), vec![vec![3], vec![4]]);
        t.put_back(first, below);
        assert_eq!(branches(&t), vec![vec![1, 3], vec![1, 4], vec![2, 1]]);
    }

    #[test]
    fn inserting_the_races_of_many_goroutines_on_one_node_checks_few_branches() {
        // A goroutine bomb's state: n goroutines each about to write object 1 (lock one
        // mutex), each racing with goroutine 0's write; each sequence is a branch of its own.
        // A scan of every branch would check n * (n - 1) / 2 of them; the index checks a run
        // and a branch or two per sequence.
        let n = 2000u32;
        let reversed = step(0, 1, true);
        let mut t = WakeupTree::default();
        let mut checks = 0;
        for g in 1..=n {
            let w = vec![step(g, 1, true)];
            let (covered, c) = t.covers_counted(&w, &reversed, 10_000);
            assert!(!covered);
            checks += c;
            t.insert(w, &reversed, 10_000);
        }
        assert_eq!(branches(&t).len(), n as usize);
        assert!(
            checks <= 3 * n as usize,
            "{checks} checks for {n} sequences"
        );
        // Goroutine 1's branch covers its own sequence again; one that writes elsewhere is
        // covered by the first branch when it reverses a race elsewhere too (the branch's
        // move commutes with both), not when it reverses one with goroutine 0's write.
        assert!(t.covers(&[step(1, 1, true)], &reversed, 10_000));
        assert!(t.covers(&[step(n + 1, 2, true)], &elsewhere(), 10_000));
        assert!(!t.covers(&[step(n + 1, 2, true)], &reversed, 10_000));
        // Taking branches from the left and putting one back keeps the index.
        let (first, below) = t.take_first().expect("a branch");
        assert!(!t.starts_with(first.choice));
        assert!(!t.covers(&[step(1, 1, true)], &reversed, 10_000));
        t.put_back(first, below);
        assert!(t.starts_with(Choice {
            gid: Gid(1),
            alt: 0
        }));
        assert!(t.covers(&[step(1, 1, true)], &reversed, 10_000));
    }
}
