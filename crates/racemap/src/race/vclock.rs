//! Vector clocks and epochs (Lamport 1978; Mattern 1989; epochs from FastTrack, Flanagan and
//! Freund, PLDI 2009).
//!
//! A [`VClock`] maps each goroutine to the number of its own steps that are known to have
//! happened before the current point. An [`Epoch`] `c@t` names a single step of goroutine `t`;
//! `c@t ⪯ V` iff `c <= V[t]`, which is how FastTrack avoids keeping a full vector per variable.
//!
//! Invariant: a goroutine's own entry in its clock is at least 1 once it exists, so the epoch of
//! any access it makes is never `0`, and `0` entries mean "nothing known".

use crate::rt::event::Gid;

/// A vector clock: entry `i` is the logical time of goroutine `Gid(i)`; missing entries are 0.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VClock {
    /// The entries, indexed by goroutine id; trailing entries may be absent (= 0).
    entries: Vec<u32>,
}

impl VClock {
    /// The zero clock (nothing happened before).
    pub fn new() -> VClock {
        VClock::default()
    }

    /// The entry of `gid` (0 when absent).
    pub fn get(&self, gid: Gid) -> u32 {
        self.entries.get(gid.0 as usize).copied().unwrap_or(0)
    }

    /// Set the entry of `gid`.
    pub fn set(&mut self, gid: Gid, value: u32) {
        let i = gid.0 as usize;
        if self.entries.len() <= i {
            self.entries.resize(i + 1, 0);
        }
        self.entries[i] = value;
    }

    /// Advance `gid`'s own entry by one.
    pub fn tick(&mut self, gid: Gid) {
        let v = self.get(gid).saturating_add(1);
        self.set(gid, v);
    }

    /// Pointwise maximum: afterwards everything known to `other` is known to `self`.
    pub fn join(&mut self, other: &VClock) {
        if self.entries.len() < other.entries.len() {
            self.entries.resize(other.entries.len(), 0);
        }
        for (mine, theirs) in self.entries.iter_mut().zip(&other.entries) {
            *mine = (*mine).max(*theirs);
        }
    }

    /// `self ⊑ other`: every entry of `self` is at most the entry of `other`.
    pub fn le(&self, other: &VClock) -> bool {
        self.entries
            .iter()
            .enumerate()
            .all(|(i, v)| *v <= other.get(Gid(i as u32)))
    }

    /// The number of entries up to the last non-zero one.
    pub fn len_trimmed(&self) -> usize {
        self.entries
            .iter()
            .rposition(|v| *v != 0)
            .map_or(0, |i| i + 1)
    }

    /// The epoch of `gid`'s current step according to this clock.
    pub fn epoch(&self, gid: Gid) -> Epoch {
        Epoch {
            gid,
            clock: self.get(gid),
        }
    }
}

/// One step of one goroutine: `clock@gid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Epoch {
    /// The goroutine.
    pub gid: Gid,
    /// Its own clock entry at that step.
    pub clock: u32,
}

impl Epoch {
    /// `self ⪯ clock`: the step is known to have happened before the point `clock` describes.
    pub fn happens_before(self, clock: &VClock) -> bool {
        self.clock <= clock.get(self.gid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vc(entries: &[u32]) -> VClock {
        let mut c = VClock::new();
        for (i, v) in entries.iter().enumerate() {
            c.set(Gid(i as u32), *v);
        }
        c
    }

    #[test]
    fn missing_entries_are_zero() {
        let c = vc(&[3]);
        assert_eq!(c.get(Gid(0)), 3);
        assert_eq!(c.get(Gid(7)), 0);
    }

    #[test]
    fn join_is_pointwise_max() {
        let mut a = vc(&[1, 5]);
        a.join(&vc(&[4, 2, 7]));
        assert_eq!(a, vc(&[4, 5, 7]));
    }

    #[test]
    fn le_is_pointwise() {
        assert!(vc(&[1, 2]).le(&vc(&[1, 2, 3])));
        assert!(!vc(&[1, 3]).le(&vc(&[1, 2, 3])));
        assert!(!vc(&[0, 0, 1]).le(&vc(&[5, 5])));
        assert!(VClock::new().le(&VClock::new()));
    }

    #[test]
    fn tick_advances_only_own_entry() {
        let mut a = vc(&[1, 1]);
        a.tick(Gid(1));
        assert_eq!(a, vc(&[1, 2]));
    }

    #[test]
    fn epoch_ordering() {
        let e = vc(&[0, 4]).epoch(Gid(1));
        assert_eq!(
            e,
            Epoch {
                gid: Gid(1),
                clock: 4
            }
        );
        assert!(e.happens_before(&vc(&[0, 4])));
        assert!(e.happens_before(&vc(&[9, 5])));
        assert!(!e.happens_before(&vc(&[9, 3])));
    }
}
