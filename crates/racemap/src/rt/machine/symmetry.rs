//! Symmetry reduction of the explorer's state key: a state is keyed up to renaming the
//! goroutines that are interchangeable (scalarset symmetry: Ip & Dill, "Better verification
//! through symmetry", FMSD 1996; Emerson & Sistla, "Symmetry and model checking", FMSD 1996).
//! Programs that start many goroutines from one `go` statement reach the same state, up to
//! which goroutine is which, in factorially many ways; keyed by an orbit representative, the
//! stateful search (`explore::stateful`) explores each orbit once.
//!
//! # The canonical form
//! Normalization by sorting (Ip & Dill's `normalize`, as Murφ does): every goroutine has a
//! *signature*, the hash of its own state with its identity left out (frames, locals, parked
//! operation, panics, iteration cursors, where it was created; not its index, its Go numbers
//! or any goroutine id inside it, [`gid_rename::erased`]). The goroutines are ordered by
//! (signature, arrival at their parked channel operation, index) and renamed by their place in
//! that order ([`Renaming`]); the key hashes the signatures in that order and everything else
//! with every goroutine id renamed (`rt::gid_rename` renames ids where they are hashed: a
//! mutex's holder, a map's writer, a timer's goroutine, the channels' wait queues, the
//! `sync.Cond` tickets' holders, the race detector's clocks, [`Renaming::to`]).
//!
//! # Soundness
//! Renaming is a bijection applied to every goroutine id the key hashes, so two states with
//! equal keys are equal up to a permutation `σ` of goroutines: `σ(S) = S'`. The machine's
//! semantics do not depend on ids but through which goroutine performs a move (its id is the
//! move's name): a move `g` from `S` and the move `σ(g)` from `S'` lead to `σ`-images again,
//! the race detector's verdicts included (its clocks renamed alike). The outcomes
//! (`explore::outcome::OutcomeKey`: stdout, the error's first line, whether a race was
//! reported) never name a goroutine: a program cannot read its goroutine's id, and Go numbers
//! appear only in a report's or dump's body, which the outcome leaves out (a found outcome is
//! replayed from its own schedule, which prints its own numbers). So the outcomes reachable
//! from `S` and from `S'` are the same, and a state whose orbit was explored adds none.
//!
//! Where ids do decide something the key cannot rename, the reduction is off
//! ([`Machine::symmetry_applies`]): a test binary (its leak list and its `testing.T`s name Go's
//! goroutine numbers, and it counts races), a program that sleeps or arms timers (in virtual
//! time, sleepers due together wake in a fixed order). Ties in the order (goroutines with
//! equal signatures and arrivals) are broken by index: then the form may differ between two
//! states of one orbit (a smaller reduction), never agree between two of different orbits.

use super::Machine;
use crate::rt::gid_rename;
use crate::rt::goroutine::Goroutine;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::hash::Hash;
use std::rc::Rc;

/// A permutation of a state's goroutines: their canonical names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renaming {
    /// Old id → new id.
    pub to: Rc<[u32]>,
    /// New id → old id (the inverse of `to`).
    pub order: Rc<[u32]>,
}

impl Renaming {
    /// The new name of goroutine `gid` (itself past the table).
    pub fn new_of(&self, gid: u32) -> u32 {
        self.to.get(gid as usize).copied().unwrap_or(gid)
    }

    /// The goroutine whose new name is `new` (itself past the table).
    pub fn old_of(&self, new: u32) -> u32 {
        self.order.get(new as usize).copied().unwrap_or(new)
    }
}

/// The signature of `g`: the hash of its state with its identity left out (see the module
/// docs); with its Go numbers when `numbers` (where the reduction is off: a test's leak list
/// prints them).
pub(super) fn signature(g: &Goroutine, numbers: bool) -> u128 {
    // Every field named, so a new one must be placed here or left out on purpose.
    let Goroutine {
        gid: _,
        go_id,
        dump_id,
        frames,
        status,
        next,
        next_span,
        panicking,
        iters,
        created_by,
        root,
        runtime,
        slept_at,
        arrival,
    } = g;
    let mut h = SipHasher13::new_with_keys(0x7061_7274, 0x6861_7368);
    gid_rename::erased(|| {
        if numbers {
            (go_id, dump_id).hash(&mut h);
        }
        frames.hash(&mut h);
        status.hash(&mut h);
        next.hash(&mut h);
        next_span.hash(&mut h);
        panicking.hash(&mut h);
        iters.hash(&mut h);
        created_by.hash(&mut h);
        root.hash(&mut h);
        runtime.hash(&mut h);
        slept_at.hash(&mut h);
        arrival.hash(&mut h);
    });
    h.finish128().as_u128()
}

impl Machine {
    /// The state key may rename goroutines (see the module docs): on in the config, and the
    /// program is no test and never sleeps or arms a timer.
    pub(crate) fn symmetry_applies(&self) -> bool {
        self.config.symmetric_key
            && !self.program.runs_test()
            && !self.counts_races()
            && !self.may_sleep()
    }

    /// The canonical renaming of this state's goroutines, whose signatures are `signatures`
    /// (by id); `None` when no two goroutines have one signature: the key then names them
    /// by their ids, as without symmetry, and keeps reusing the hashes of shared parts (it
    /// tells apart only states whose goroutines swapped their places: a smaller reduction,
    /// never a wrong one; whether two signatures are equal does not depend on names, so the
    /// states of an orbit decide alike).
    pub(super) fn canonical_renaming(&self, signatures: &[u128]) -> Option<Renaming> {
        let mut sorted = signatures.to_vec();
        sorted.sort_unstable();
        if !sorted.windows(2).any(|w| w[0] == w[1]) {
            return None;
        }
        let mut order: Vec<u32> = (0..self.goroutines.len() as u32).collect();
        order.sort_by_key(|&i| {
            let g = self.goroutines.get(i as usize);
            (signatures.get(i as usize).copied(), g.map(|g| g.arrival), i)
        });
        let mut to = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            to[old as usize] = new as u32;
        }
        if to.iter().enumerate().all(|(i, &n)| i as u32 == n) {
            return None;
        }
        Some(Renaming {
            to: to.into(),
            order: order.into(),
        })
    }
}
