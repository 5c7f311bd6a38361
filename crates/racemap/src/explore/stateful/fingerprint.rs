//! State fingerprints: the state key of the stateful search hashed to 128 bits with
//! SipHash-1-3 (fixed keys: the same state has the same fingerprint in every run), and the map
//! from fingerprints to what the search knows of the state.
//!
//! Two different states get the same fingerprint with probability about `n² / 2¹²⁹` over a
//! search of `n` states (the birthday bound for a 128-bit hash that behaves randomly on distinct
//! inputs): below 10⁻²⁴ for ten million states. A collision would make the search skip the
//! second state's successors; nothing else depends on the hash values (the map is only looked
//! up, never iterated).

use crate::bytecode::future::{Barrier, Classes};
use crate::race::{Detector, LockGuards};
use crate::rt::event::Gid;
use crate::rt::value::Pointer;
use crate::target::{Footprint, StateMemo, Target};
use siphasher::sip128::{Hasher128, SipHasher13};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// The fingerprint of a state: the target's semantic state, the detector's canonical form
/// (`None` without race detection) and the goroutine a fair yield keeps off the next move.
/// `None` when the target cannot hash its state.
/// `memo` receives the hashes of the target's shared parts, `parent`'s are reused
/// ([`StateMemo`]). `futures` is [`Target::goroutine_futures`] of the state, and `footprint`
/// gives [`Target::footprint`] of it (for lock-guarded liveness: [`StateGuards`]).
pub(crate) fn fingerprint<T: Target>(
    target: &T,
    detector: Option<&Detector>,
    kept_off: Option<Gid>,
    memo: &mut StateMemo,
    parent: Option<&StateMemo>,
    futures: Option<&[Classes]>,
    footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
) -> Option<u128> {
    let mut h = SipHasher13::new_with_keys(0x7261_6365_6d61_7021, 0x7374_6174_6566_756c);
    if !target.hash_state(&mut h, memo, parent) {
        return None;
    }
    match detector {
        Some(d) => {
            1u8.hash(&mut h);
            let mut guards = futures.map(|futures| StateGuards {
                target,
                futures,
                footprint,
            });
            d.hash_canonical_guarded(
                &mut h,
                target.counts_races(),
                futures,
                guards.as_mut().map(|g| g as &mut dyn LockGuards),
                memo.renaming.as_ref(),
            );
        }
        None => 0u8.hash(&mut h),
    }
    kept_off
        .map(|g| memo.renaming.as_ref().map_or(g.0, |r| r.new_of(g.0)))
        .hash(&mut h);
    Some(h.finish128().as_u128())
}

/// Every access `detector` keeps live at `target`'s state is inert for `stopped`
/// (`race::Detector::live_inert`, with the state's lock- and wait-guarded liveness); true
/// without a detector. `futures` is [`Target::goroutine_futures`] of the state, `footprint`
/// gives [`Target::footprint`] of it.
pub(crate) fn live_inert<T: Target>(
    target: &T,
    detector: Option<&Detector>,
    futures: &[Classes],
    footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    stopped: &[Gid],
) -> bool {
    let Some(d) = detector else {
        return true;
    };
    let mut guards = StateGuards {
        target,
        futures,
        footprint,
    };
    d.live_inert(futures, Some(&mut guards), stopped)
}

/// The facts of lock-guarded liveness of one state (`race::LockGuards`), from the target.
struct StateGuards<'a, T> {
    /// The state.
    target: &'a T,
    /// [`Target::goroutine_futures`] of it.
    futures: &'a [Classes],
    /// [`Target::footprint`] of it (the explorer's cache).
    footprint: &'a mut dyn FnMut(Gid) -> Option<Footprint>,
}

impl<T: Target> LockGuards for StateGuards<'_, T> {
    fn locks(&mut self) -> Option<Vec<(Pointer, bool)>> {
        self.target.lock_set(self.futures)
    }

    fn until(&mut self, u: usize, barrier: Barrier) -> Option<Classes> {
        if let Some(whole) = self.futures.get(u) {
            if self.target.future_until_is_whole(Gid(u as u32), barrier) {
                return Some(*whole);
            }
        }
        self.target
            .future_until(Gid(u as u32), barrier, &mut *self.footprint)
    }

    fn wait_groups(&mut self) -> Option<Vec<crate::race::WaitGroupDones>> {
        self.target.wait_groups(self.futures, &mut *self.footprint)
    }
}

/// The fingerprint of a final state: only what its outcome is (nothing follows it), so final
/// states with one outcome are one state.
pub(crate) fn final_fingerprint<T: Target>(target: &T, detector: Option<&Detector>) -> u128 {
    let mut h = SipHasher13::new_with_keys(0x6669_6e61_6c21_0000, 0x7374_6174_6566_756c);
    target.stdout_bytes().hash(&mut h);
    let ending = target.ending();
    ending.as_ref().map(|e| &e.first_line).hash(&mut h);
    ending.as_ref().is_some_and(|e| e.deadlock).hash(&mut h);
    detector
        .is_some_and(|d| !d.reports().is_empty())
        .hash(&mut h);
    target.leaked().hash(&mut h);
    h.finish128().as_u128()
}

/// A map keyed by fingerprints, which are already uniformly distributed: the map's own hash is
/// their low 64 bits.
pub(crate) type FingerprintMap<V> = HashMap<u128, V, BuildHasherDefault<LowBits>>;

/// The hasher of [`FingerprintMap`]: keeps the last 64 bits written.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct LowBits(u64);

impl Hasher for LowBits {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u128(&mut self, v: u128) {
        self.0 = v as u64;
    }
}
