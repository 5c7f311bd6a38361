//! What copies of a `sync.Map` share. Go's `Map` holds `read` (an `atomic.Value` pointing to a
//! `readOnly{m, amended}`), `dirty` (a Go map) and `*entry` pointers: copying the struct
//! (`m2 := m1`, which `go vet` reports as copying a lock) copies those references, so both
//! copies read and write the same `dirty` map and the same entries, while `mu`, `misses` and
//! the `read` pointer itself are each copy's own. Checked with Go 1.19: after `m2 := m1`, a
//! `Store` through one copy to a key the other has is seen by the other's `Load`, and so is a
//! new key stored while both copies' `read` is amended (it goes into the shared `dirty`).
//!
//! racemap keeps the Go maps (`read.m` and `dirty`, by [`MapRef`]) and the entries of a
//! sync.Map in a [`SyncMapStore`] of the heap, created by the map's first step (a zero
//! `sync.Map` has none, and copies of it share nothing, as in Go). A [`SyncMapState`] names its
//! store and maps; its own `read.m`, `dirty` and `entries` are only a working copy, filled in
//! from the store before a step ([`SyncMapStore::fill`]) and written back after it
//! ([`SyncMapStore::write_back`], which empties them again).

use super::{Entry, EntryId, SyncMapState};
use crate::rt::value::{MapKey, Pointer};
use std::collections::BTreeMap;

/// A Go map of a sync.Map (`read.m` or `dirty`): an index into [`SyncMapStore::maps`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MapRef(pub u32);

/// The shared part of a sync.Map and of all its copies.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct SyncMapStore {
    /// The sync.Map whose first step made the store: every copy's steps also touch it, so the
    /// explorer sees steps of two copies as dependent, and the race detector orders the
    /// entries' atomic accesses on it.
    pub owner: Option<Pointer>,
    /// Every Go map `read.m` or `dirty` of a copy has been (key → entry).
    pub maps: Vec<BTreeMap<MapKey, EntryId>>,
    /// Every entry ever created.
    pub entries: Vec<Entry>,
}

impl SyncMapStore {
    /// Fill `state`'s working copy (`read.m`, `dirty`, `entries`) from the store.
    pub fn fill(&self, state: &mut SyncMapState) {
        let map = |r: Option<MapRef>| r.and_then(|r| self.maps.get(r.0 as usize)).cloned();
        state.read.m = map(state.read_ref).unwrap_or_default();
        state.dirty = map(state.dirty_ref);
        state.entries = self.entries.clone();
    }

    /// Store `state`'s working copy after a step: a `dirty` map made by the step (or a `read.m`
    /// without a map) gets a new [`MapRef`]. The working copy is emptied (the store holds the
    /// data; `dirty_ref` says whether `dirty` is nil).
    pub fn write_back(&mut self, state: &mut SyncMapState) {
        if state.dirty.is_some() && state.dirty_ref.is_none() {
            state.dirty_ref = Some(self.new_map());
        }
        if state.dirty.is_none() {
            state.dirty_ref = None;
        }
        if !state.read.m.is_empty() && state.read_ref.is_none() {
            state.read_ref = Some(self.new_map());
        }
        if let Some(r) = state.read_ref {
            self.maps[r.0 as usize] = std::mem::take(&mut state.read.m);
        }
        if let (Some(r), Some(d)) = (state.dirty_ref, state.dirty.take()) {
            self.maps[r.0 as usize] = d;
        }
        self.entries = std::mem::take(&mut state.entries);
    }

    fn new_map(&mut self) -> MapRef {
        self.maps.push(BTreeMap::new());
        MapRef(self.maps.len() as u32 - 1)
    }
}
