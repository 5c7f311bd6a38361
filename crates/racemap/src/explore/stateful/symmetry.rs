//! The visited set under the symmetric state key (`rt::machine::symmetry`): a key stands for
//! a state up to renaming goroutines, so what the search remembers of a keyed state in
//! goroutine names (the moves it left asleep, Godefroid's condition for sleep sets with state
//! caching; the paths through it kept for detours) is stored in the key's canonical names and
//! read back in the names of the state that meets the key again (Emerson & Sistla's quotient
//! search: a state of the orbit stands for all, a move `g` of it for the move `σ(g)` of `σ(S)`).

use crate::rt::event::Gid;
use crate::rt::machine::Renaming;
use crate::sched::Choice;

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
