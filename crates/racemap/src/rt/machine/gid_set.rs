//! `GidSet`: a set of goroutine ids as a bitmap in copy-on-write chunks of
//! [`CHUNK_BITS`] ids (`Rc<[u64; 32]>`), iterated in ascending order.
//!
//! Why: the machine's wait index (`wait_index`) keeps sets of goroutines (those that may move,
//! those blocked on an object) that a goroutine bomb fills with thousands of ids, and the
//! explorer clones the machine at every node: a clone costs a pointer per 2 048 ids, a change
//! copies one chunk (256 bytes), and a scan reads a word per 64 ids.

use crate::rt::event::Gid;
use std::rc::Rc;

/// Words per chunk.
const WORDS: usize = 32;
/// Ids per chunk.
pub(super) const CHUNK_BITS: usize = WORDS * 64;

/// A set of goroutine ids (see the module docs).
#[derive(Clone, Debug, Default)]
pub(crate) struct GidSet {
    /// Chunk `i` holds ids `i * CHUNK_BITS ..`; `None` when it holds none.
    chunks: Vec<Option<Rc<[u64; WORDS]>>>,
    /// The number of ids in the set.
    len: usize,
}

impl GidSet {
    /// No ids.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The number of ids.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Whether `g` is in the set.
    pub(crate) fn contains(&self, g: Gid) -> bool {
        let i = g.0 as usize;
        match self.chunks.get(i / CHUNK_BITS) {
            Some(Some(c)) => c[(i % CHUNK_BITS) / 64] & (1 << (i % 64)) != 0,
            _ => false,
        }
    }

    /// Adds `g`; `true` when it was not in the set.
    pub(crate) fn insert(&mut self, g: Gid) -> bool {
        let i = g.0 as usize;
        let c = i / CHUNK_BITS;
        if self.chunks.len() <= c {
            self.chunks.resize(c + 1, None);
        }
        let bit = 1u64 << (i % 64);
        let w = (i % CHUNK_BITS) / 64;
        let chunk = self.chunks[c].get_or_insert_with(|| Rc::new([0; WORDS]));
        if chunk[w] & bit != 0 {
            return false;
        }
        Rc::make_mut(chunk)[w] |= bit;
        self.len += 1;
        true
    }

    /// Removes `g`; `true` when it was in the set.
    pub(crate) fn remove(&mut self, g: Gid) -> bool {
        if !self.contains(g) {
            return false;
        }
        let i = g.0 as usize;
        let c = i / CHUNK_BITS;
        let bit = 1u64 << (i % 64);
        let w = (i % CHUNK_BITS) / 64;
        if let Some(chunk) = &mut self.chunks[c] {
            let words = Rc::make_mut(chunk);
            words[w] &= !bit;
            if words.iter().all(|x| *x == 0) {
                self.chunks[c] = None;
            }
        }
        self.len -= 1;
        true
    }

    /// Adds every id of `other` (word by word: a set of thousands of ids costs a word per 64).
    pub(crate) fn insert_all(&mut self, other: &GidSet) {
        self.merge(other, |a, b| a | b);
    }

    /// Removes every id of `other` (word by word).
    pub(crate) fn remove_all(&mut self, other: &GidSet) {
        self.merge(other, |a, b| a & !b);
    }

    /// Combine each word of `self` with the same word of `other` by `f` (which keeps a word of
    /// `self` where `other`'s is 0), chunk by chunk where `other` has one.
    fn merge(&mut self, other: &GidSet, f: impl Fn(u64, u64) -> u64) {
        if self.chunks.len() < other.chunks.len() {
            self.chunks.resize(other.chunks.len(), None);
        }
        for (mine, theirs) in self.chunks.iter_mut().zip(&other.chunks) {
            let Some(theirs) = theirs else { continue };
            let zero = [0u64; WORDS];
            let old: &[u64; WORDS] = mine.as_deref().unwrap_or(&zero);
            let mut new = [0u64; WORDS];
            let mut changed = false;
            for w in 0..WORDS {
                new[w] = f(old[w], theirs[w]);
                changed |= new[w] != old[w];
            }
            if !changed {
                continue;
            }
            let before: u32 = old.iter().map(|x| x.count_ones()).sum();
            let after: u32 = new.iter().map(|x| x.count_ones()).sum();
            self.len = self.len + after as usize - before as usize;
            *mine = (after > 0).then(|| Rc::new(new));
        }
    }

    /// The ids in ascending order.
    pub(crate) fn iter(&self) -> Iter<'_> {
        Iter {
            chunks: &self.chunks,
            minus: &[],
            chunk: 0,
            word: 0,
            bits: 0,
        }
    }

    /// The ids not in `minus`, in ascending order (a word of each per 64 ids).
    pub(crate) fn iter_minus<'a>(&'a self, minus: &'a GidSet) -> Iter<'a> {
        Iter {
            chunks: &self.chunks,
            minus: &minus.chunks,
            chunk: 0,
            word: 0,
            bits: 0,
        }
    }
}

/// The iterator of [`GidSet::iter`].
#[derive(Clone)]
pub(crate) struct Iter<'a> {
    /// The set's chunks.
    chunks: &'a [Option<Rc<[u64; WORDS]>>],
    /// The chunks of the ids left out.
    minus: &'a [Option<Rc<[u64; WORDS]>>],
    /// The chunk being read.
    chunk: usize,
    /// The next word of that chunk to read.
    word: usize,
    /// The bits of the current word not yet returned.
    bits: u64,
}

impl Iterator for Iter<'_> {
    type Item = Gid;

    fn next(&mut self) -> Option<Gid> {
        loop {
            if self.bits != 0 {
                let b = self.bits.trailing_zeros() as usize;
                self.bits &= self.bits - 1;
                let id = self.chunk * CHUNK_BITS + (self.word - 1) * 64 + b;
                return Some(Gid(id as u32));
            }
            match self.chunks.get(self.chunk)? {
                Some(words) if self.word < WORDS => {
                    let out = match self.minus.get(self.chunk) {
                        Some(Some(minus)) => minus[self.word],
                        _ => 0,
                    };
                    self.bits = words[self.word] & !out;
                    self.word += 1;
                }
                _ => {
                    self.chunk += 1;
                    self.word = 0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::GidSet;
    use crate::rt::event::Gid;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// Against `BTreeSet`: inserts and removes through one copy never show in another, and
        /// every copy iterates like the set it was copied with.
        #[test]
        fn copies_behave_like_btreesets(ops in proptest::collection::vec((0u8..4, 0u32..5000), 0..300)) {
            let mut copies: Vec<(GidSet, BTreeSet<u32>)> = vec![(GidSet::default(), BTreeSet::new())];
            for (op, g) in ops {
                let k = g as usize % copies.len();
                match op {
                    0 => {
                        let (s, b) = &mut copies[k];
                        prop_assert_eq!(s.insert(Gid(g)), b.insert(g));
                    }
                    1 => {
                        let (s, b) = &mut copies[k];
                        prop_assert_eq!(s.remove(Gid(g)), b.remove(&g));
                    }
                    2 if copies.len() > 1 => {
                        // Bulk insert or remove another copy's ids.
                        let j = (k + 1) % copies.len();
                        let (other, other_b) = copies[j].clone();
                        let (s, b) = &mut copies[k];
                        if g % 2 == 0 {
                            s.insert_all(&other);
                            b.extend(other_b);
                        } else {
                            s.remove_all(&other);
                            b.retain(|x| !other_b.contains(x));
                        }
                    }
                    _ => {
                        let c = copies[k].clone();
                        copies.push(c);
                    }
                }
            }
            for (s, b) in &copies {
                for (t, c) in &copies {
                    prop_assert_eq!(
                        s.iter_minus(t).map(|g| g.0).collect::<Vec<_>>(),
                        b.difference(c).copied().collect::<Vec<_>>()
                    );
                }
                prop_assert_eq!(s.len(), b.len());
                prop_assert_eq!(s.iter().map(|g| g.0).collect::<Vec<_>>(), b.iter().copied().collect::<Vec<_>>());
                for g in 0..5000 {
                    prop_assert_eq!(s.contains(Gid(g)), b.contains(&g));
                }
            }
        }
    }
}
