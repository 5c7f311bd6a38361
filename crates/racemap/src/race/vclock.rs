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
use std::rc::Rc;

/// Entries per chunk of a [`VClock`].
const CHUNK: usize = 32;

/// Entries a [`VClock`] keeps inline (no allocation) while only goroutines below this have a
/// non-zero entry.
const INLINE: usize = 8;

/// A vector clock: entry `i` is the logical time of goroutine `Gid(i)`; missing entries are 0.
///
/// While only goroutines `0..INLINE` have non-zero entries (most programs), the entries are
/// kept inline: a copy is a copy of [`INLINE`] words, with no allocation, and a join is
/// [`INLINE`] maxima. From the first non-zero entry beyond, they are kept in chunks of
/// [`CHUNK`], each shared (`Rc`) between the clocks copied from one another until one changes
/// it, and an all-zero chunk is absent: a goroutine bomb's 10 000 clocks (each child's copied
/// from its parent's, plus its own entry at its id) cost a pointer per 32 goroutines each, not
/// an entry per goroutine, and so do the explorer's DPOR clocks of a long trace, where each
/// step's clock is its predecessor's with an entry or two changed. Joining skips the chunks
/// two clocks share. (Measured on the explorer's presets: chunks alone made a clock of a few
/// goroutines a 128-byte chunk to copy, scan and join, 2 % of the mutex preset's time.)
#[derive(Clone, Debug)]
pub struct VClock {
    /// The entries.
    entries: Entries,
}

/// The two representations of a [`VClock`]'s entries.
#[derive(Clone, Debug)]
enum Entries {
    /// The entries of goroutines `0..INLINE`; every other entry is 0.
    Inline([u32; INLINE]),
    /// The chunks, indexed by goroutine id / [`CHUNK`]; `None` for one of zeros; trailing
    /// chunks may be absent (= 0). Invariant: a clock, once chunked, stays chunked.
    Chunked(Vec<Option<Rc<[u32; CHUNK]>>>),
}

impl Default for VClock {
    fn default() -> VClock {
        VClock {
            entries: Entries::Inline([0; INLINE]),
        }
    }
}

impl PartialEq for VClock {
    fn eq(&self, other: &VClock) -> bool {
        match (&self.entries, &other.entries) {
            (Entries::Inline(a), Entries::Inline(b)) => a == b,
            (Entries::Chunked(a), Entries::Chunked(b)) => {
                let n = a.len().max(b.len());
                (0..n).all(|i| {
                    let a = a.get(i).and_then(Option::as_ref);
                    let b = b.get(i).and_then(Option::as_ref);
                    match (a, b) {
                        (Some(a), Some(b)) => Rc::ptr_eq(a, b) || a == b,
                        (Some(c), None) | (None, Some(c)) => c.iter().all(|v| *v == 0),
                        (None, None) => true,
                    }
                })
            }
            _ => {
                let n = self.len_trimmed().max(other.len_trimmed());
                (0..n as u32).all(|i| self.get(Gid(i)) == other.get(Gid(i)))
            }
        }
    }
}

impl Eq for VClock {}

/// The chunks of `entries`, made chunked first if inline.
fn chunked(entries: &mut Entries) -> &mut Vec<Option<Rc<[u32; CHUNK]>>> {
    if let Entries::Inline(a) = entries {
        let chunks = if a.iter().all(|v| *v == 0) {
            Vec::new()
        } else {
            let mut c = [0; CHUNK];
            c[..INLINE].copy_from_slice(a);
            vec![Some(Rc::new(c))]
        };
        *entries = Entries::Chunked(chunks);
    }
    match entries {
        Entries::Chunked(chunks) => chunks,
        Entries::Inline(_) => unreachable!("made chunked above"),
    }
}

impl VClock {
    /// The zero clock (nothing happened before).
    pub fn new() -> VClock {
        VClock::default()
    }

    /// The entry of `gid` (0 when absent).
    pub fn get(&self, gid: Gid) -> u32 {
        let i = gid.0 as usize;
        match &self.entries {
            Entries::Inline(a) => a.get(i).copied().unwrap_or(0),
            Entries::Chunked(chunks) => match chunks.get(i / CHUNK) {
                Some(Some(c)) => c[i % CHUNK],
                _ => 0,
            },
        }
    }

    /// Set the entry of `gid`.
    pub fn set(&mut self, gid: Gid, value: u32) {
        let i = gid.0 as usize;
        match &mut self.entries {
            Entries::Inline(a) if i < INLINE => {
                a[i] = value;
                return;
            }
            Entries::Inline(_) if value == 0 => return,
            _ => {}
        }
        let chunks = chunked(&mut self.entries);
        if chunks.len() <= i / CHUNK {
            if value == 0 {
                return;
            }
            chunks.resize(i / CHUNK + 1, None);
        }
        let chunk = &mut chunks[i / CHUNK];
        match chunk {
            Some(c) => {
                if c[i % CHUNK] != value {
                    Rc::make_mut(c)[i % CHUNK] = value;
                }
            }
            None if value == 0 => {}
            None => {
                let mut c = [0; CHUNK];
                c[i % CHUNK] = value;
                *chunk = Some(Rc::new(c));
            }
        }
    }

    /// Advance `gid`'s own entry by one.
    pub fn tick(&mut self, gid: Gid) {
        let v = self.get(gid).saturating_add(1);
        self.set(gid, v);
    }

    /// Pointwise maximum: afterwards everything known to `other` is known to `self`.
    pub fn join(&mut self, other: &VClock) {
        match (&mut self.entries, &other.entries) {
            (Entries::Inline(a), Entries::Inline(b)) => {
                for (a, b) in a.iter_mut().zip(b) {
                    *a = (*a).max(*b);
                }
            }
            (Entries::Chunked(chunks), Entries::Inline(b)) => {
                if b.iter().all(|v| *v == 0) {
                    return;
                }
                if chunks.is_empty() {
                    chunks.push(None);
                }
                match &mut chunks[0] {
                    None => {
                        let mut c = [0; CHUNK];
                        c[..INLINE].copy_from_slice(b);
                        chunks[0] = Some(Rc::new(c));
                    }
                    Some(m) => {
                        if m.iter().zip(b).any(|(a, b)| b > a) {
                            let m = Rc::make_mut(m);
                            for (a, b) in m.iter_mut().zip(b) {
                                *a = (*a).max(*b);
                            }
                        }
                    }
                }
            }
            (_, Entries::Chunked(theirs)) => {
                let chunks = chunked(&mut self.entries);
                if chunks.len() < theirs.len() {
                    chunks.resize(theirs.len(), None);
                }
                for (mine, theirs) in chunks.iter_mut().zip(theirs) {
                    let Some(theirs) = theirs else { continue };
                    match mine {
                        None => *mine = Some(Rc::clone(theirs)),
                        Some(m) if Rc::ptr_eq(m, theirs) => {}
                        Some(m) => {
                            if m.iter().zip(theirs.iter()).any(|(a, b)| b > a) {
                                let m = Rc::make_mut(m);
                                for (a, b) in m.iter_mut().zip(theirs.iter()) {
                                    *a = (*a).max(*b);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `self ⊑ other`: every entry of `self` is at most the entry of `other`.
    pub fn le(&self, other: &VClock) -> bool {
        match (&self.entries, &other.entries) {
            (Entries::Inline(a), Entries::Inline(b)) => a.iter().zip(b).all(|(a, b)| a <= b),
            (Entries::Chunked(mine), Entries::Chunked(theirs)) => {
                mine.iter().enumerate().all(|(i, mine)| {
                    let Some(mine) = mine else { return true };
                    match theirs.get(i).and_then(Option::as_ref) {
                        Some(theirs) => {
                            Rc::ptr_eq(mine, theirs)
                                || mine.iter().zip(theirs.iter()).all(|(a, b)| a <= b)
                        }
                        None => mine.iter().all(|v| *v == 0),
                    }
                })
            }
            _ => (0..self.len_trimmed() as u32).all(|i| self.get(Gid(i)) <= other.get(Gid(i))),
        }
    }

    /// The number of entries up to the last non-zero one.
    pub fn len_trimmed(&self) -> usize {
        let chunks = match &self.entries {
            Entries::Inline(a) => return a.iter().rposition(|v| *v != 0).map_or(0, |i| i + 1),
            Entries::Chunked(chunks) => chunks,
        };
        for (i, c) in chunks.iter().enumerate().rev() {
            if let Some(c) = c {
                if let Some(j) = c.iter().rposition(|v| *v != 0) {
                    return i * CHUNK + j + 1;
                }
            }
        }
        0
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

    use proptest::prop_oneof;

    proptest::proptest! {
        /// Against dense vectors: sets, ticks and joins across chunks, on clocks copied from
        /// one another (sharing chunks), inline and chunked ones mixed (ids below and above
        /// `INLINE`), read, compare and order like the vectors.
        #[test]
        fn chunked_clocks_behave_like_dense_vectors(
            ops in proptest::collection::vec(
                (0u8..4, 0usize..4, prop_oneof![0u32..12, 0u32..100], 0u32..5),
                0..200
            )
        ) {
            let mut clocks: Vec<(VClock, Vec<u32>)> = vec![(VClock::new(), vec![0; 100]); 4];
            for (op, k, g, v) in ops {
                let other = (k + 1) % clocks.len();
                match op {
                    0 => {
                        clocks[k].0.set(Gid(g), v);
                        clocks[k].1[g as usize] = v;
                    }
                    1 => {
                        clocks[k].0.tick(Gid(g));
                        clocks[k].1[g as usize] += 1;
                    }
                    2 => {
                        let (c, d) = clocks[other].clone();
                        clocks[k].0.join(&c);
                        for (a, b) in clocks[k].1.iter_mut().zip(&d) {
                            *a = (*a).max(*b);
                        }
                    }
                    _ => clocks[k] = clocks[other].clone(),
                }
            }
            for (c, d) in &clocks {
                for (g, v) in d.iter().enumerate() {
                    proptest::prop_assert_eq!(c.get(Gid(g as u32)), *v);
                }
                proptest::prop_assert_eq!(c.len_trimmed(), d.iter().rposition(|v| *v != 0).map_or(0, |i| i + 1));
                for (c2, d2) in &clocks {
                    proptest::prop_assert_eq!(c.le(c2), d.iter().zip(d2).all(|(a, b)| a <= b));
                    proptest::prop_assert_eq!(c == c2, d == d2);
                }
            }
        }
    }
}
