//! The visited set under the symmetric state key (`rt::machine::symmetry`): a key stands for
//! a state up to renaming goroutines, so what the search remembers of a keyed state in
//! goroutine names (the moves it left asleep, Godefroid's condition for sleep sets with state
//! caching; the paths through it kept for detours) is stored in the key's canonical names and
//! read back in the names of the state that meets the key again (Emerson & Sistla's quotient
//! search: a state of the orbit stands for all, a move `g` of it for the move `σ(g)` of `σ(S)`).

use super::fingerprint::fingerprint;
use super::frame::Footprints;
use crate::bytecode::future::Classes;
use crate::race::Detector;
use crate::rt::event::Gid;
use crate::rt::machine::Renaming;
use crate::sched::Choice;
use crate::target::{StateMemo, Target};

/// `moves` of a state keyed under `renaming`, in the key's canonical names, sorted.
pub(super) fn to_canonical(moves: &[Choice], renaming: Option<&Renaming>) -> Box<[Choice]> {
    let Some(r) = renaming else {
        return moves.into();
    };
    let mut named: Vec<Choice> = moves
        .iter()
        .map(|c| Choice {
            gid: Gid(r.new_of(c.gid.0)),
            alt: c.alt,
        })
        .collect();
    named.sort_unstable();
    named.into_boxed_slice()
}

/// `moves` in a key's canonical names, in the names of a state keyed under `renaming`.
pub(super) fn from_canonical(moves: &[Choice], renaming: Option<&Renaming>) -> Vec<Choice> {
    let Some(r) = renaming else {
        return moves.to_vec();
    };
    let mut named: Vec<Choice> = moves
        .iter()
        .map(|c| Choice {
            gid: Gid(r.old_of(c.gid.0)),
            alt: c.alt,
        })
        .collect();
    named.sort_unstable();
    named
}

/// A path's moves from a state keyed under `from` (its goroutines as named there), renamed
/// to continue from a state of the same key keyed under `to`: each goroutine of the first
/// state is the one of the second with the same canonical name; goroutines created later
/// keep their ids (both states have as many, and create the next ones in the same order).
pub(super) fn carry(
    moves: &[Choice],
    from: Option<&Renaming>,
    to: Option<&Renaming>,
) -> Vec<Choice> {
    if from == to {
        return moves.to_vec();
    }
    moves
        .iter()
        .map(|c| {
            let canonical = from.map_or(c.gid.0, |r| r.new_of(c.gid.0));
            Choice {
                gid: Gid(to.map_or(canonical, |r| r.old_of(canonical))),
                alt: c.alt,
            }
        })
        .collect()
}

/// Drop from `explore`, the moves to explore from a state keyed `key` (with `memo` its key's
/// memo), the moves of goroutines another explored move stands for: where the goroutines of
/// one signature (a group, in the key's order) are all interchangeable (every permutation of
/// them maps the state to itself: checked on the group's generators, a swap of its first two
/// and a cycle through all, each a key of the state taken under the canonical renaming
/// composed with it, equal to `key`), the moves of one of them lead to the orbits the moves
/// of the others do, with the same outcomes (see `rt::machine::symmetry`); only the first in
/// `explore` of the group is kept. A group whose permutations change the key (e.g. the race
/// detector's clocks tell its goroutines apart) keeps every move.
///
/// Why: without it, a state with `k` interchangeable goroutines about to move explores `k`
/// moves that reach one orbit, `k - 1` of them revisits, and a program of `n` goroutines that
/// wait in turn costs about `n² / 2` steps.
#[allow(clippy::too_many_arguments)]
pub(super) fn prune_interchangeable<T: Target>(
    target: &T,
    detector: Option<&Detector>,
    futures: Option<&[Classes]>,
    footprints: &mut Footprints,
    memo: &StateMemo,
    key: u128,
    explore: &mut Vec<Choice>,
) {
    let Some(signatures) = memo.tables.first() else {
        return;
    };
    let n = signatures.len();
    // The key's renaming (the identity where the key named goroutines by their ids).
    let (base, forced_base) = match &memo.renaming {
        Some(r) => (r.clone(), false),
        None => {
            let ids: Vec<u32> = (0..n as u32).collect();
            let order: Vec<u32> = ids.clone();
            (
                Renaming {
                    to: ids.into(),
                    order: order.into(),
                },
                true,
            )
        }
    };
    if base.order.len() != n {
        return;
    }
    let signature = |old: u32| signatures.get(old as usize).map(|(_, s)| *s);
    // The key of the state under `base` composed with `pi` (old id → old id).
    let mut key_under = |pi: &dyn Fn(u32) -> u32| -> Option<u128> {
        let to: Vec<u32> = (0..n as u32).map(|old| base.new_of(pi(old))).collect();
        let mut order = vec![0u32; n];
        for (old, &new) in to.iter().enumerate() {
            *order.get_mut(new as usize)? = old as u32;
        }
        let mut check = StateMemo {
            force: Some(Renaming {
                to: to.into(),
                order: order.into(),
            }),
            ..StateMemo::default()
        };
        fingerprint(
            target,
            detector,
            None,
            &mut check,
            Some(memo),
            futures,
            &mut |g| footprints.get(target, g).cloned(),
        )
    };
    let base_key = if forced_base {
        match key_under(&|old| old) {
            Some(k) => k,
            None => return,
        }
    } else {
        key
    };
    // Groups: runs of one signature in the key's order, sorted by signature when the key
    // named goroutines by their ids.
    let mut order: Vec<u32> = base.order.to_vec();
    if forced_base {
        order.sort_by_key(|&old| (signature(old), old));
    }
    let groups: Vec<&[u32]> = order
        .chunk_by(|a, b| signature(*a) == signature(*b))
        .collect();
    // Old id → its group.
    let mut group_of = vec![usize::MAX; n];
    // Old id → its place in its group.
    let mut place = vec![0usize; n];
    for (i, group) in groups.iter().enumerate() {
        for (at, &old) in group.iter().enumerate() {
            if let (Some(slot), Some(p)) =
                (group_of.get_mut(old as usize), place.get_mut(old as usize))
            {
                *slot = i;
                *p = at;
            }
        }
    }
    // Per group: the first goroutine with a move in `explore`, and whether another has one.
    let mut first: Vec<Option<(Gid, bool)>> = vec![None; groups.len()];
    for c in explore.iter() {
        let Some(&i) = group_of.get(c.gid.0 as usize) else {
            continue;
        };
        if let Some(slot) = first.get_mut(i) {
            match slot {
                None => *slot = Some((c.gid, false)),
                Some((g, others)) => *others |= *g != c.gid,
            }
        }
    }
    let mut dropped = vec![false; groups.len()];
    for (i, group) in groups.iter().enumerate() {
        if !matches!(first[i], Some((_, true))) {
            continue;
        }
        let (a, b) = (group[0], group[1]);
        let swap = move |old: u32| {
            if old == a {
                b
            } else if old == b {
                a
            } else {
                old
            }
        };
        let cycle = |old: u32| match group_of.get(old as usize) {
            Some(&j) if j == i => {
                let at = place.get(old as usize).copied().unwrap_or(0);
                group[(at + 1) % group.len()]
            }
            _ => old,
        };
        dropped[i] = key_under(&swap) == Some(base_key) && key_under(&cycle) == Some(base_key);
    }
    explore.retain(|c| match group_of.get(c.gid.0 as usize) {
        Some(&i) if dropped.get(i) == Some(&true) => first[i].is_some_and(|(g, _)| g == c.gid),
        _ => true,
    });
}
