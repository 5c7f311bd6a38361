//! A vector that is cheap to clone: elements in chunks of [`CHUNK`], each chunk and each
//! element behind an `Rc`, shared between clones until one of them changes it (copy on write:
//! changing an element copies its chunk's pointers and, when another clone shares it, the
//! element, as `Rc::make_mut` does).
//!
//! Why: the explorer keeps a copy of the machine and of the race detector per node of its
//! search, and both hold a table per goroutine. A plain `Vec<Rc<_>>` copy costs a pointer per
//! goroutine, so a deep run of a goroutine bomb (10 000 goroutines) needed gigabytes of
//! copies; here it costs a pointer per [`CHUNK`] goroutines, and a step pays for what it
//! changes. Why not a persistent trie (`rpds::Vector`, clone O(1)): measured on the explorer,
//! its lookups and iteration (a tree walk per element) made the mutex preset at 4 × 3 20%
//! slower, where two indexings keep it as fast as a `Vec`. The first chunk is held inline, so
//! a vector of at most [`CHUNK`] elements (the machine's goroutines and channels, the
//! detector's clocks in a small program) clones without an allocation.
//!
//! The API is the part of `Vec`'s the core uses; `IndexMut` and [`CowVec::get_mut`] copy on
//! write.
//!
//! Change log: after [`CowVec::track_changes`], every index written through `get_mut`/`IndexMut`
//! or pushed is logged until [`CowVec::take_changed`] drains the log, so an owner can update an
//! index of its elements for what one step changed, whichever code path changed it (the
//! machine's `WaitIndex`). The log is bookkeeping, not content: equality and hashing ignore it.

use std::ops::{Index, IndexMut};
use std::rc::Rc;

/// Elements per chunk (a power of two).
pub const CHUNK: usize = 32;

/// A chunk of elements.
type Chunk<T> = Rc<Vec<Rc<T>>>;

/// A vector of `T` that clones in O(len / [`CHUNK`]) (see the module docs).
#[derive(Clone)]
pub struct CowVec<T> {
    /// The first chunk, held inline (a vector of at most [`CHUNK`] elements clones without
    /// an allocation). Invariant: `None` only when the vector is empty.
    first: Option<Chunk<T>>,
    /// The chunks after the first, [`CHUNK`] elements per chunk in order. Invariant: every
    /// chunk but the last (of `first` and these) holds exactly [`CHUNK`] elements, and the
    /// last one at least one.
    rest: Vec<Chunk<T>>,
    /// The number of elements.
    len: usize,
    /// Indices written or pushed since the log was last drained (`None`: not tracked).
    changed: Option<Vec<usize>>,
}

impl<T> Default for CowVec<T> {
    fn default() -> Self {
        CowVec {
            first: None,
            rest: Vec::new(),
            len: 0,
            changed: None,
        }
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for CowVec<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: PartialEq> PartialEq for CowVec<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T: Eq> Eq for CowVec<T> {}

/// Hashes as a slice (its length, then the elements), as the `Vec` it replaces did.
impl<T: std::hash::Hash> std::hash::Hash for CowVec<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.len);
        for e in self.iter() {
            e.hash(state);
        }
    }
}

impl<T> CowVec<T> {
    /// An empty vector.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of elements.
    pub fn len(&self) -> usize {
        self.len
    }

    /// No elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Chunk `c`, if any.
    #[inline]
    fn chunk(&self, c: usize) -> Option<&Chunk<T>> {
        match c {
            0 => self.first.as_ref(),
            _ => self.rest.get(c - 1),
        }
    }

    /// Chunk `c`, if any, for changing it.
    #[inline]
    fn chunk_mut(&mut self, c: usize) -> Option<&mut Chunk<T>> {
        match c {
            0 => self.first.as_mut(),
            _ => self.rest.get_mut(c - 1),
        }
    }

    /// The element at `index`, if any.
    #[inline]
    pub fn get(&self, index: usize) -> Option<&T> {
        let chunk = self.chunk(index / CHUNK)?;
        chunk.get(index % CHUNK).map(|e| &**e)
    }

    /// The last element, if any.
    pub fn last(&self) -> Option<&T> {
        self.rest
            .last()
            .or(self.first.as_ref())
            .and_then(|c| c.last())
            .map(|e| &**e)
    }

    /// The elements in order.
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            first: self.first.as_ref(),
            chunks: self.rest.iter(),
            chunk: [].iter(),
        }
    }

    /// Log every index written or pushed from now on ([`CowVec::take_changed`]).
    pub fn track_changes(&mut self) {
        self.changed.get_or_insert_with(Vec::new);
    }

    /// The indices written or pushed since the last call (ascending, each once), and an empty
    /// log; empty when changes are not tracked.
    pub fn take_changed(&mut self) -> Vec<usize> {
        let Some(log) = &mut self.changed else {
            return Vec::new();
        };
        let mut out = std::mem::take(log);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether writes are logged ([`CowVec::track_changes`]).
    pub fn tracking(&self) -> bool {
        self.changed.is_some()
    }

    /// The indices written or pushed since the log was last drained, in the order written
    /// (possibly repeated).
    pub fn changed_so_far(&self) -> &[usize] {
        self.changed.as_deref().unwrap_or_default()
    }

    /// Nothing was written or pushed since the log was last drained.
    pub fn unchanged(&self) -> bool {
        self.changed.as_ref().is_none_or(Vec::is_empty)
    }

    /// Log a write of `index`.
    fn note(&mut self, index: usize) {
        if let Some(log) = &mut self.changed {
            if log.last() != Some(&index) {
                log.push(index);
            }
        }
    }

    /// Appends `value`.
    pub fn push(&mut self, value: T) {
        self.note(self.len);
        let last = match self.rest.last_mut() {
            Some(last) => Some(last),
            None => self.first.as_mut(),
        };
        match last {
            Some(last) if last.len() < CHUNK => Rc::make_mut(last).push(Rc::new(value)),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(Rc::new(value));
                if self.first.is_none() {
                    self.first = Some(Rc::new(chunk));
                } else {
                    self.rest.push(Rc::new(chunk));
                }
            }
        }
        self.len += 1;
    }
}

impl<T: Clone> CowVec<T> {
    /// The element at `index`, for changing it, if any (its chunk and then it copied first
    /// when shared).
    ///
    /// The common case, chunk and element owned by this clone alone (the interpreter changes
    /// the running goroutine once per instruction), is one walk with two reference-count
    /// checks inline; the copies are out of line ([`own`]).
    #[inline]
    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        if index >= self.len {
            return None;
        }
        if let Some(log) = &mut self.changed {
            if log.last() != Some(&index) {
                log.push(index);
            }
        }
        let (c, e) = (index / CHUNK, index % CHUNK);
        let chunk = self.chunk_mut(c)?;
        if !owned(chunk) {
            own(chunk);
        }
        let element = Rc::get_mut(chunk)?.get_mut(e)?;
        if !owned(element) {
            own(element);
        }
        Rc::get_mut(element)
    }
}

/// `rc` is the only reference to its value (`Rc::get_mut` would give it).
#[inline]
fn owned<U>(rc: &Rc<U>) -> bool {
    Rc::strong_count(rc) == 1 && Rc::weak_count(rc) == 0
}

/// Make `rc` the only reference to its value, copying it (`Rc::make_mut`): the cold path of
/// [`CowVec::get_mut`].
#[cold]
#[inline(never)]
fn own<U: Clone>(rc: &mut Rc<U>) {
    Rc::make_mut(rc);
}

impl<T> Index<usize> for CowVec<T> {
    type Output = T;

    #[inline]
    fn index(&self, index: usize) -> &T {
        match self.get(index) {
            Some(v) => v,
            None => panic!("index {index} out of range for a vector of {}", self.len),
        }
    }
}

impl<T: Clone> IndexMut<usize> for CowVec<T> {
    #[inline]
    fn index_mut(&mut self, index: usize) -> &mut T {
        let len = self.len;
        match self.get_mut(index) {
            Some(v) => v,
            None => panic!("index {index} out of range for a vector of {len}"),
        }
    }
}

/// The iterator of [`CowVec::iter`].
#[derive(Clone, Debug)]
pub struct Iter<'a, T> {
    /// The first chunk, until the walk enters it.
    first: Option<&'a Chunk<T>>,
    /// The chunks after the first, not entered yet.
    chunks: std::slice::Iter<'a, Chunk<T>>,
    /// The rest of the current chunk.
    chunk: std::slice::Iter<'a, Rc<T>>,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        loop {
            if let Some(e) = self.chunk.next() {
                return Some(e);
            }
            self.chunk = match self.first.take() {
                Some(first) => first.iter(),
                None => self.chunks.next()?.iter(),
            };
        }
    }
}

impl<'a, T> IntoIterator for &'a CowVec<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

impl<T> FromIterator<T> for CowVec<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut v = CowVec::new();
        for x in iter {
            v.push(x);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::CowVec;
    use proptest::prelude::*;

    proptest! {
        /// Against `Vec`: pushes and writes through one copy never show in another, and every
        /// copy reads like the `Vec` it was copied with.
        #[test]
        fn copies_behave_like_independent_vecs(ops in proptest::collection::vec((0u8..3, 0usize..80, any::<u32>()), 0..300)) {
            let mut copies: Vec<(CowVec<u32>, Vec<u32>)> = vec![(CowVec::new(), Vec::new())];
            for (op, at, value) in ops {
                let i = at % copies.len();
                match op {
                    0 => {
                        copies[i].0.push(value);
                        copies[i].1.push(value);
                    }
                    1 if !copies[i].1.is_empty() => {
                        let j = at % copies[i].1.len();
                        copies[i].0[j] = value;
                        copies[i].1[j] = value;
                    }
                    _ => {
                        let copy = copies[i].clone();
                        copies.push(copy);
                    }
                }
            }
            for (p, v) in &copies {
                prop_assert_eq!(p.is_empty(), v.is_empty());
                prop_assert_eq!(p.last(), v.last());
                prop_assert_eq!(p.len(), v.len());
                prop_assert_eq!(p.iter().copied().collect::<Vec<_>>(), v.clone());
                for (j, x) in v.iter().enumerate() {
                    prop_assert_eq!(p[j], *x);
                    prop_assert_eq!(p.get(j), Some(x));
                }
                prop_assert_eq!(p.get(v.len()), None);
            }
        }
    }
}
