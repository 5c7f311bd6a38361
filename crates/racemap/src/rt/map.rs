//! Go's built-in map (`map[K]V`) as a runtime object, with the runtime's misuse checks.
//!
//! Go semantics (runtime/map.go, Go 1.19):
//! - A write (`m[k] = v`, `delete(m, k)`, `clear(m)`) checks the *writing flag*: set →
//!   `fatal error: concurrent map writes`; else sets it, mutates (a new key is counted at once,
//!   see [`MapObj::write_begin`]), checks that it is still set (else the same fatal error) and
//!   clears it. racemap makes this two visible steps,
//!   [`MapObj::write_begin`] and [`MapObj::write_end`], so another goroutine can land inside
//!   the window, exactly where real Go crashes. A `delete` or `clear` of an empty map returns
//!   before looking at the flag (Go's `mapdelete` checks `count == 0` first).
//! - A read (`m[k]`, `v, ok := m[k]`) of a nil or empty map returns the zero value without
//!   looking at the flag; otherwise it checks it once: set →
//!   `fatal error: concurrent map read and map write` ([`MapObj::read_check`]). `len(m)` reads
//!   the count only and never checks.
//! - `for k, v := range m`: each iteration step checks the flag → `fatal error: concurrent map
//!   iteration and map write` ([`MapObj::iter_next`]); ranging over an empty map does nothing.
//! - Keys are hashed before anything else: an interface key whose dynamic type is not
//!   comparable panics with `runtime error: hash of unhashable type []int`
//!   ([`MapKey::from_value`]), even on an empty or nil map.
//! - These are all fatal errors (throws), not recoverable panics. Writing to a nil map
//!   (`panic: assignment to entry in nil map`) is the VM's, as there is no object.
//!
//! Iteration order (Go 1.19's `mapiterinit`/`mapiternext`): entries live in bucket slots (see
//! [`MapObj::slots`]); a loop starts at a random bucket and a random slot offset and visits
//! the slots from there, so a small map iterates in rotations of its slot order. The start is
//! the scheduler's choice at the loop's first step, one alternative per distinct order
//! ([`MapObj::iteration_starts`]): the seeded scheduler draws it, the explorer tries each.
//! `fmt` prints maps sorted by key ([`MapKey`] order), as Go's fmt does.
//!
//! Happens-before: none (maps are not synchronization). Race-detector effects: every read,
//! iteration step and `len` is `Read(Loc::Map(id))`; both halves of a write are
//! `Write(Loc::Map(id))` (Go's detector treats a map access as an access to the whole map, so
//! different keys still race). The element is memory of its own, [`Loc::MapSlot`]: Go's
//! compiled code loads it through the pointer `mapaccess` returns and stores it through the one
//! `mapassign` returns, so a read (or a range loop reading values) and a write of the same key
//! race twice, on the map and on the slot (`Found 2 data race(s)`).

use crate::rt::event::{Effect, Gid, Loc};
use crate::rt::sync_state::PrimError;
use crate::rt::value::{MapId, MapKey, Value};
use crate::types::{TypeId, TypeKind, TypeTable};
use std::collections::BTreeMap;

/// The mutation a map write performs (recorded at `write_begin`, applied at `write_end`).
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum MapMutation {
    /// `m[k] = v`.
    Set {
        /// The key as a Go value (kept for iteration and printing).
        key: Value,
        /// The element stored.
        elem: Value,
    },
    /// `delete(m, k)`.
    Delete {
        /// The key as a Go value.
        key: Value,
    },
    /// `clear(m)`.
    Clear,
}

/// The goroutine inside a write: the writing flag is set while this is `Some`.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct MapWriter {
    /// The writing goroutine.
    pub gid: Gid,
    /// The hashed key (`None` for `clear`).
    pub key: Option<MapKey>,
    /// What the write will do at `write_end`.
    pub mutation: MapMutation,
}

/// One entry of a map.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct MapEntry {
    /// The key as a Go value (for iteration and printing).
    pub key: Value,
    /// The element.
    pub elem: Value,
    /// The slot holding the entry (see [`MapObj::slots`]).
    pub slot: u32,
}

/// A map object (`make(map[K]V)` or a map literal).
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct MapObj {
    /// The key type `K`.
    pub key_ty: TypeId,
    /// The element type `V`.
    pub elem_ty: TypeId,
    /// The entries by hashed key. Invariant: `entries[k].slot == s` exactly when
    /// `slots[s] == Some(k)`.
    entries: BTreeMap<MapKey, MapEntry>,
    /// Go's bucket slots in order: which key each holds. An insert takes the first free slot
    /// (as `mapassign` does within a bucket), a delete frees its slot. The slot is the memory
    /// of the entry's element for the race detector ([`Loc::MapSlot`]); slot `s` is slot
    /// `s % 8` of bucket `s / 8` for iteration. (Go places a key in the bucket its hash picks;
    /// racemap fills buckets in order, so a map of up to 8 keys, one bucket, iterates exactly
    /// in the rotations Go shows.)
    slots: Vec<Option<MapKey>>,
    /// Go's `B`: the map has `2^b` buckets of 8 slots; it grows as Go's (`overLoadFactor`: more
    /// than 8 entries and more than 6.5 per bucket) and never shrinks.
    b: u8,
    /// Go's `hashWriting` flag, with the writer and its pending mutation.
    pub writing: Option<MapWriter>,
    /// Writes in progress that never touch the flag: `delete`/`clear` of a map that was empty
    /// at `write_begin` (Go's `mapdelete` returns before checking the flag when `count == 0`).
    pub noop_writes: Vec<MapWriter>,
}

/// The state of one `for k, v := range m` loop.
#[derive(Clone, Debug, Default, PartialEq, Hash)]
pub struct MapCursor {
    /// Go's random start (`fastrand()` in `mapiterinit`), drawn at the first step: start bucket
    /// `start & (2^b - 1)`, slot offset `(start >> b) & 7`.
    pub start: u32,
    /// The map's `b` when the loop started.
    pub b: u8,
    /// Slot positions visited so far (see [`MapObj::position_slot`]).
    pub pos: u32,
    /// At least one step has run.
    pub started: bool,
    /// The loop has ended.
    pub done: bool,
    /// The loop reads each element (its value variable is not blank).
    pub reads_elem: bool,
}

fn fatal_writes() -> PrimError {
    PrimError::Fatal("concurrent map writes".into())
}

impl MapObj {
    /// An empty map of `map[key_ty]elem_ty`.
    pub fn new(key_ty: TypeId, elem_ty: TypeId) -> MapObj {
        MapObj {
            key_ty,
            elem_ty,
            entries: BTreeMap::new(),
            slots: Vec::new(),
            b: 0,
            writing: None,
            noop_writes: Vec::new(),
        }
    }

    /// `len(m)` (Go's `count`; no flag check, as in Go).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Store `elem` under `k`: an existing entry keeps its slot, a new one takes the first
    /// free slot. Returns the slot.
    pub fn insert(&mut self, k: MapKey, key: Value, elem: Value) -> u32 {
        if let Some(e) = self.entries.get_mut(&k) {
            e.key = key;
            e.elem = elem;
            return e.slot;
        }
        if over_load_factor(self.entries.len() + 1, self.b) {
            self.b += 1;
        }
        let slot = match self.slots.iter().position(Option::is_none) {
            Some(i) => {
                self.slots[i] = Some(k.clone());
                i
            }
            None => {
                self.slots.push(Some(k.clone()));
                self.slots.len() - 1
            }
        } as u32;
        self.entries.insert(k, MapEntry { key, elem, slot });
        slot
    }

    /// Remove the entry of `k` (if any), freeing its slot.
    fn remove(&mut self, k: &MapKey) {
        if let Some(e) = self.entries.remove(k) {
            if let Some(s) = self.slots.get_mut(e.slot as usize) {
                *s = None;
            }
        }
        while self.slots.last().is_some_and(Option::is_none) {
            self.slots.pop();
        }
    }

    /// The slot of `k`'s entry, if present.
    pub fn slot_of(&self, k: &MapKey) -> Option<u32> {
        self.entries.get(k).map(|e| e.slot)
    }

    /// The flag check a read (`m[k]`, `v, ok := m[k]`) does on entry: nothing for an empty map,
    /// else `fatal error: concurrent map read and map write` while a write is in progress.
    pub fn read_check(&self) -> Result<(), PrimError> {
        if self.entries.is_empty() {
            return Ok(());
        }
        if self.writing.is_some() {
            return Err(PrimError::Fatal("concurrent map read and map write".into()));
        }
        Ok(())
    }

    /// `m[k]` after [`read_check`](Self::read_check): the element, `None` when absent (the VM
    /// yields the zero value of [`elem_ty`](Self::elem_ty) and `ok = false`).
    pub fn get(&self, key: &MapKey) -> Option<&Value> {
        self.entries.get(key).map(|e| &e.elem)
    }

    /// First half of a write by `gid`: checks and sets the writing flag, remembering the
    /// mutation. `fatal error: concurrent map writes` if another write is in progress.
    /// A `delete`/`clear` of an empty map neither checks nor sets the flag (as in Go); its
    /// `write_end` is then a no-op.
    ///
    /// Inserting a new key takes its slot and counts it here, inside the window: Go 1.19's
    /// `mapassign` does `h.count++` before it clears the flag, so a read of a map during its
    /// first insert sees `count > 0` with the flag set and crashes. (A read in the window
    /// before the count changes returns as a read before the write would, so the window needs
    /// no third step.) A delete counts down inside the window too; a read after the count
    /// reached zero returns without a check, as a read after the write would, so the delete is
    /// applied at `write_end`.
    pub fn write_begin(
        &mut self,
        gid: Gid,
        key: Option<MapKey>,
        mutation: MapMutation,
    ) -> Result<(), PrimError> {
        if self.entries.is_empty() && !matches!(mutation, MapMutation::Set { .. }) {
            self.noop_writes.push(MapWriter { gid, key, mutation });
            return Ok(());
        }
        if self.writing.is_some() {
            return Err(fatal_writes());
        }
        if let (MapMutation::Set { key: value, elem }, Some(k)) = (&mutation, &key) {
            if !self.entries.contains_key(k) {
                self.insert(k.clone(), value.clone(), elem.clone());
            }
        }
        self.writing = Some(MapWriter { gid, key, mutation });
        Ok(())
    }

    /// Second half of the write by `gid`: applies the mutation recorded at `write_begin`,
    /// checks the flag is still set (by this goroutine) and clears it. Returns the mutation it
    /// applied. `fatal error: concurrent map writes` if the flag is not set by `gid`.
    pub fn write_end(&mut self, gid: Gid) -> Result<MapMutation, PrimError> {
        if let Some(i) = self.noop_writes.iter().position(|w| w.gid == gid) {
            return Ok(self.noop_writes.remove(i).mutation);
        }
        let writer = match self.writing.take() {
            Some(w) if w.gid == gid => w,
            other => {
                self.writing = other;
                return Err(fatal_writes());
            }
        };
        match (&writer.mutation, &writer.key) {
            (MapMutation::Set { key, elem }, Some(k)) => {
                self.insert(k.clone(), key.clone(), elem.clone());
            }
            (MapMutation::Delete { .. }, Some(k)) => self.remove(k),
            (MapMutation::Clear, _) => {
                self.entries.clear();
                self.slots.clear();
            }
            // A set or delete without a hashed key: nothing to change.
            (_, None) => {}
        }
        Ok(writer.mutation)
    }

    /// The starts (Go's `fastrand()` values modulo `8 << b`) a `range` loop beginning now can
    /// take, one per distinct order of the entries ([`distinct_starts`]).
    pub fn iteration_starts(&self) -> Vec<u32> {
        distinct_starts(&self.slots, self.b)
    }

    /// The key a loop beginning now with alternative `alt` produces first (for choice labels).
    pub fn first_key_of_start(&self, alt: u32) -> Option<&Value> {
        let r = *self.iteration_starts().get(alt as usize)?;
        let k = rotation(&self.slots, self.b, r).into_iter().next()?;
        self.entries.get(k).map(|e| &e.key)
    }

    /// One step of `for k, v := range m`: `Ok(Some((k, v)))` for the next entry, `Ok(None)` when
    /// the loop ends. The first step takes the loop's start: `start` is an index into
    /// [`iteration_starts`](Self::iteration_starts) (the scheduler's alternative). Each step
    /// (including the final one) checks the flag → `fatal error: concurrent map iteration and
    /// map write`, except that ranging over a map that is empty when the loop starts ends at
    /// once without a check. Entries deleted during the loop are not produced; entries added
    /// may or may not be (both as the Go spec allows).
    pub fn iter_next(
        &self,
        cursor: &mut MapCursor,
        start: u32,
    ) -> Result<Option<(Value, Value)>, PrimError> {
        if cursor.done {
            return Ok(None);
        }
        if !cursor.started && self.entries.is_empty() {
            cursor.started = true;
            cursor.done = true;
            return Ok(None);
        }
        if !cursor.started {
            let starts = self.iteration_starts();
            cursor.start = starts.get(start as usize).copied().unwrap_or(0);
            cursor.b = self.b;
            cursor.started = true;
        }
        if self.writing.is_some() {
            return Err(PrimError::Fatal(
                "concurrent map iteration and map write".into(),
            ));
        }
        let total = (8u32 << cursor.b).max(self.slots.len() as u32);
        while cursor.pos < total {
            let s = position_slot(cursor.start, cursor.b, cursor.pos);
            cursor.pos += 1;
            if let Some(Some(k)) = self.slots.get(s as usize) {
                if let Some(e) = self.entries.get(k) {
                    return Ok(Some((e.key.clone(), e.elem.clone())));
                }
            }
        }
        cursor.done = true;
        Ok(None)
    }

    /// What `fmt` printing the map checks first (`internal/fmtsort.Sort` iterates it with
    /// `mapiterinit`/`mapiternext`): nothing for an empty map, else `fatal error: concurrent map
    /// iteration and map write` while a write is in progress.
    pub fn print_check(&self) -> Result<(), PrimError> {
        if !self.entries.is_empty() && self.writing.is_some() {
            return Err(PrimError::Fatal(
                "concurrent map iteration and map write".into(),
            ));
        }
        Ok(())
    }

    /// The slots holding an entry, in key order (what an iteration over every entry reads).
    pub fn slots_in_use(&self) -> Vec<u32> {
        self.entries.values().map(|e| e.slot).collect()
    }

    /// Every entry's key and element, in key order.
    pub fn entry_values(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.values().map(|e| (&e.key, &e.elem))
    }

    /// The entries in key order as (key, element) Go values (for `fmt` and snapshots).
    pub fn entries_in_order(&self) -> Vec<(Value, Value)> {
        self.entries
            .values()
            .map(|e| (e.key.clone(), e.elem.clone()))
            .collect()
    }
}

/// Go's `overLoadFactor`: `count` entries need more than `2^b` buckets (more than 8 entries
/// and more than 6.5 per bucket).
fn over_load_factor(count: usize, b: u8) -> bool {
    count > 8 && count * 2 > 13 * (1usize << b)
}

/// The `b` of a Go map made for `count` entries (the smallest not over the load factor).
pub fn buckets_log2_for(count: usize) -> u8 {
    let mut b = 0;
    while over_load_factor(count, b) {
        b += 1;
    }
    b
}

/// The slot visited at position `pos` of a loop that started at `start` over `2^b` buckets
/// (Go's `mapiternext`: buckets from the start bucket `start & (2^b - 1)` on, wrapping; in
/// each bucket the 8 slots from the offset `(start >> b) & 7` on, wrapping). Positions past
/// the `8 << b` slots visit slots added since the map grew, in order.
pub fn position_slot(start: u32, b: u8, pos: u32) -> u32 {
    let total = 8u32 << b;
    if pos >= total {
        return pos;
    }
    let mask = (1u32 << b) - 1;
    let bucket = ((start & mask) + pos / 8) & mask;
    let offset = (start >> b) & 7;
    bucket * 8 + ((pos % 8 + offset) & 7)
}

/// The occupied slots in the order a loop starting at `start` visits them.
pub fn rotation<T>(slots: &[Option<T>], b: u8, start: u32) -> Vec<&T> {
    let total = (8u32 << b).max(slots.len() as u32);
    (0..total)
        .filter_map(|p| slots.get(position_slot(start, b, p) as usize)?.as_ref())
        .collect()
}

/// The starts a loop over `slots` (`2^b` buckets of 8) can take, the first of each distinct
/// order: a single bucket iterates in rotations of its slot order (`{"a","b","c"}` → `abc`,
/// `bca`, `cab`). Over 64 slots every start is listed without comparing orders (some orders
/// then repeat). `[0]` for at most one entry.
pub fn distinct_starts<T: PartialEq>(slots: &[Option<T>], b: u8) -> Vec<u32> {
    let total = 8u32 << b;
    if slots.iter().flatten().count() <= 1 {
        return vec![0];
    }
    if total > 64 {
        return (0..total).collect();
    }
    let mut seen: Vec<Vec<&T>> = Vec::new();
    let mut starts = Vec::new();
    for r in 0..total {
        let order = rotation(slots, b, r);
        if !seen.contains(&order) {
            seen.push(order);
            starts.push(r);
        }
    }
    starts
}

/// The race-detector effects of a map read, iteration step or `len(m)`: the map (Go's
/// `racereadpc` on the map header), then the element's slot when the operation loads an
/// element (`slot`: the compiled code reads it through the pointer the runtime returned).
pub fn read_effects(map: MapId, slot: Option<u32>) -> Vec<Effect> {
    let mut effects = vec![Effect::Read(Loc::Map(map))];
    if let Some(s) = slot {
        effects.push(Effect::Read(Loc::MapSlot(map, s)));
    }
    effects
}

/// The race-detector effects of each half of a map write: the map (Go's `racewritepc`), then,
/// at the end of `m[k] = v`, the element's slot (`slot`: the compiled code stores `v` through
/// the pointer `mapassign` returned).
pub fn write_effects(map: MapId, slot: Option<u32>) -> Vec<Effect> {
    let mut effects = vec![Effect::Write(Loc::Map(map))];
    if let Some(s) = slot {
        effects.push(Effect::Write(Loc::MapSlot(map, s)));
    }
    effects
}

impl MapKey {
    /// Hash a Go value into a map key. Interface values keep their dynamic type; an interface
    /// holding a slice, map or function (or a struct/array containing one) panics with
    /// `runtime error: hash of unhashable type T` as Go does. `-0.0` and `+0.0` are the same key.
    pub fn from_value(value: &Value, types: &TypeTable) -> Result<MapKey, PrimError> {
        Ok(match value {
            Value::Bool(b) => MapKey::Bool(*b),
            Value::Int(i) => MapKey::Int(*i),
            Value::Float(f) => MapKey::Float(if *f == 0.0 { 0.0 } else { *f }),
            Value::Str(s) => MapKey::Str(s.clone()),
            Value::Ptr(None) | Value::Chan(None) | Value::Iface(None) => MapKey::Nil,
            Value::Ptr(Some(p)) => MapKey::Ptr(p.clone()),
            Value::Chan(Some(c)) => MapKey::Chan(*c),
            Value::Iface(Some(b)) => {
                let (ty, v) = &**b;
                if let Some(bad) = unhashable_part(*ty, types) {
                    return Err(PrimError::RuntimeError(format!(
                        "runtime error: hash of unhashable type {}",
                        crate::rt::fmt::reflect_type_string(types, bad)
                    )));
                }
                MapKey::Iface(*ty, Box::new(MapKey::from_value(v, types)?))
            }
            Value::Struct(fields) | Value::Array(fields) => MapKey::Tuple(
                fields
                    .iter()
                    .map(|f| MapKey::from_value(f, types))
                    .collect::<Result<_, _>>()?,
            ),
            Value::Sync(state) => match &**state {
                crate::rt::sync_state::SyncState::AtomicValue(v) => {
                    MapKey::Tuple(vec![MapKey::from_value(v, types)?])
                }
                state => MapKey::Tuple(
                    crate::rt::fmt::sync_fields(state)
                        .into_iter()
                        .map(MapKey::Int)
                        .collect(),
                ),
            },
            Value::Unit => MapKey::Tuple(Vec::new()),
            // The checker rejects these as static key types; inside interfaces they are caught
            // above. Treat any that slip through like Go would: unhashable.
            Value::Map(_) | Value::Slice(_) | Value::Func(_) => {
                return Err(PrimError::RuntimeError(
                    "runtime error: hash of unhashable type".into(),
                ))
            }
        })
    }
}

/// The type Go names in `hash of unhashable type T`: `ty` itself if it is a slice, map or func,
/// else the first such type inside a struct or array (Go reports the dynamic type itself).
fn unhashable_part(ty: TypeId, types: &TypeTable) -> Option<TypeId> {
    fn bad(ty: TypeId, types: &TypeTable, depth: u32) -> bool {
        if depth > 32 {
            return false;
        }
        match types.under(ty) {
            TypeKind::Slice(_) | TypeKind::Map(..) | TypeKind::Func(_) => true,
            TypeKind::Array(_, e) => bad(*e, types, depth + 1),
            TypeKind::Struct(fields) => fields.iter().any(|f| bad(f.ty, types, depth + 1)),
            _ => false,
        }
    }
    bad(ty, types, 0).then_some(ty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Basic;

    fn int() -> TypeId {
        TypeTable::basic(Basic::Int)
    }

    /// `delete(m, k)` by goroutine 0, both halves.
    fn delete(m: &mut MapObj, k: i64) {
        let del = MapMutation::Delete { key: Value::Int(k) };
        m.write_begin(Gid(0), Some(MapKey::Int(k)), del).unwrap();
        m.write_end(Gid(0)).unwrap();
    }

    fn set(k: i64, v: i64) -> MapMutation {
        MapMutation::Set {
            key: Value::Int(k),
            elem: Value::Int(v),
        }
    }

    #[test]
    fn write_then_read() {
        let mut m = MapObj::new(int(), int());
        m.write_begin(Gid(0), Some(MapKey::Int(1)), set(1, 10))
            .unwrap();
        assert_eq!(m.len(), 1, "a new key is counted inside the window");
        assert_eq!(m.write_end(Gid(0)), Ok(set(1, 10)));
        m.read_check().unwrap();
        assert_eq!(m.get(&MapKey::Int(1)), Some(&Value::Int(10)));
        delete(&mut m, 1);
        assert!(m.is_empty());
    }

    #[test]
    fn two_writers_overlapping_is_fatal() {
        let mut m = MapObj::new(int(), int());
        m.write_begin(Gid(1), Some(MapKey::Int(1)), set(1, 1))
            .unwrap();
        let err = m
            .write_begin(Gid(2), Some(MapKey::Int(2)), set(2, 2))
            .unwrap_err();
        assert_eq!(err.message(), "fatal error: concurrent map writes");
        // The flag is not this goroutine's at its end: the same fatal error.
        assert_eq!(m.write_end(Gid(2)).unwrap_err(), err);
        assert!(m.write_end(Gid(1)).is_ok());
    }

    #[test]
    fn read_during_write_is_fatal_even_during_the_first_insert() {
        let mut m = MapObj::new(int(), int());
        assert_eq!(m.read_check(), Ok(()), "an empty map skips the check");
        m.write_begin(Gid(1), Some(MapKey::Int(1)), set(1, 1))
            .unwrap();
        // The first insert already counts its key (Go's count++ before the flag is cleared).
        assert_eq!(
            m.read_check().unwrap_err().message(),
            "fatal error: concurrent map read and map write"
        );
        m.write_end(Gid(1)).unwrap();
        m.write_begin(Gid(1), Some(MapKey::Int(2)), set(2, 2))
            .unwrap();
        assert_eq!(
            m.read_check().unwrap_err().message(),
            "fatal error: concurrent map read and map write"
        );
        // In the other order: the read completes first, then the write can begin.
        m.write_end(Gid(1)).unwrap();
        assert_eq!(m.read_check(), Ok(()));
    }

    #[test]
    fn iteration_in_slot_order_and_fatal_during_write() {
        let mut m = MapObj::new(int(), int());
        for k in [3, 1, 2] {
            m.write_begin(Gid(0), Some(MapKey::Int(k)), set(k, k * 10))
                .unwrap();
            m.write_end(Gid(0)).unwrap();
        }
        // Start 0: the slots in order (insertion order here).
        let mut c = MapCursor::default();
        assert_eq!(
            m.iter_next(&mut c, 0),
            Ok(Some((Value::Int(3), Value::Int(30))))
        );
        // Delete 2 during the loop (allowed, by the ranging goroutine): not produced.
        m.write_begin(
            Gid(0),
            Some(MapKey::Int(2)),
            MapMutation::Delete { key: Value::Int(2) },
        )
        .unwrap();
        assert_eq!(
            m.iter_next(&mut c, 0).unwrap_err().message(),
            "fatal error: concurrent map iteration and map write"
        );
        m.write_end(Gid(0)).unwrap();
        assert_eq!(
            m.iter_next(&mut c, 0),
            Ok(Some((Value::Int(1), Value::Int(10))))
        );
        assert_eq!(m.iter_next(&mut c, 0), Ok(None));
        assert!(c.done);
    }

    /// Go 1.19 starts a loop at a random slot offset of the single bucket: three keys give three
    /// rotations (`abc`, `bca`, `cab`), each one alternative.
    #[test]
    fn a_small_map_iterates_in_rotations_of_its_slot_order() {
        let mut m = MapObj::new(int(), int());
        for k in [1, 2, 3] {
            m.insert(MapKey::Int(k), Value::Int(k), Value::Int(0));
        }
        assert_eq!(m.iteration_starts(), vec![0, 1, 2]);
        let order = |alt: u32| {
            let mut c = MapCursor::default();
            let mut keys = Vec::new();
            while let Ok(Some((k, _))) = m.iter_next(&mut c, alt) {
                keys.push(k.as_int().unwrap());
            }
            keys
        };
        assert_eq!(order(0), [1, 2, 3]);
        assert_eq!(order(1), [2, 3, 1]);
        assert_eq!(order(2), [3, 1, 2]);
        // A hole left by a delete is a slot too: offsets landing on it start at the next key.
        let mut m2 = m.clone();
        m2.remove(&MapKey::Int(2));
        assert_eq!(m2.iteration_starts(), vec![0, 1]);
        // Ten keys need two buckets (Go's load factor 6.5): starts are bucket × offset.
        for k in 4..=10 {
            m.insert(MapKey::Int(k), Value::Int(k), Value::Int(0));
        }
        assert_eq!(m.b, 1);
        assert!(m.iteration_starts().len() > 3);
    }

    #[test]
    fn ranging_over_empty_map_never_checks() {
        let mut m = MapObj::new(int(), int());
        let mut c = MapCursor::default();
        assert_eq!(m.iter_next(&mut c, 0), Ok(None));
        // During the first insert the map is no longer empty (Go's count++ comes first).
        m.write_begin(Gid(1), Some(MapKey::Int(1)), set(1, 1))
            .unwrap();
        let mut c = MapCursor::default();
        assert_eq!(
            m.iter_next(&mut c, 0).unwrap_err().message(),
            "fatal error: concurrent map iteration and map write"
        );
    }

    #[test]
    fn delete_on_empty_map_never_touches_the_flag() {
        let mut m = MapObj::new(int(), int());
        let del = MapMutation::Delete { key: Value::Int(1) };
        m.write_begin(Gid(1), Some(MapKey::Int(1)), del.clone())
            .unwrap();
        assert!(m.writing.is_none());
        // A concurrent write can begin: no fatal error, as in Go.
        m.write_begin(Gid(2), Some(MapKey::Int(2)), set(2, 2))
            .unwrap();
        assert_eq!(m.write_end(Gid(1)), Ok(del));
        m.write_end(Gid(2)).unwrap();
        assert_eq!(m.len(), 1);
    }

    #[test]
    fn clear_empties_the_map() {
        let mut m = MapObj::new(int(), int());
        m.write_begin(Gid(0), Some(MapKey::Int(1)), set(1, 1))
            .unwrap();
        m.write_end(Gid(0)).unwrap();
        m.write_begin(Gid(0), None, MapMutation::Clear).unwrap();
        m.write_end(Gid(0)).unwrap();
        assert!(m.is_empty());
    }

    #[test]
    fn unhashable_interface_key_panics() {
        let mut t = TypeTable::new();
        let slice = t.intern(TypeKind::Slice(int()));
        let key = Value::Iface(Some(Box::new((slice, Value::Slice(None)))));
        assert_eq!(
            MapKey::from_value(&key, &t).unwrap_err().message(),
            "panic: runtime error: hash of unhashable type []int"
        );
        let ok = Value::Iface(Some(Box::new((int(), Value::Int(3)))));
        assert_eq!(
            MapKey::from_value(&ok, &t),
            Ok(MapKey::Iface(int(), Box::new(MapKey::Int(3))))
        );
        assert_eq!(
            MapKey::from_value(&Value::Float(-0.0), &t),
            MapKey::from_value(&Value::Float(0.0), &t)
        );
    }

    #[test]
    fn effects_are_whole_map_accesses_then_the_element_slot() {
        assert_eq!(
            read_effects(MapId(4), None),
            vec![Effect::Read(Loc::Map(MapId(4)))]
        );
        assert_eq!(
            read_effects(MapId(4), Some(2)),
            vec![
                Effect::Read(Loc::Map(MapId(4))),
                Effect::Read(Loc::MapSlot(MapId(4), 2))
            ]
        );
        assert_eq!(
            write_effects(MapId(4), Some(0)),
            vec![
                Effect::Write(Loc::Map(MapId(4))),
                Effect::Write(Loc::MapSlot(MapId(4), 0))
            ]
        );
    }

    #[test]
    fn slots_are_taken_first_free_and_freed_by_delete() {
        let mut m = MapObj::new(int(), int());
        for k in [1, 2, 3] {
            m.insert(MapKey::Int(k), Value::Int(k), Value::Int(0));
        }
        assert_eq!(m.slot_of(&MapKey::Int(3)), Some(2));
        delete(&mut m, 1);
        assert_eq!(m.slot_of(&MapKey::Int(1)), None);
        // The next insert reuses the freed first slot; an overwrite keeps its slot.
        assert_eq!(m.insert(MapKey::Int(9), Value::Int(9), Value::Int(0)), 0);
        assert_eq!(m.insert(MapKey::Int(3), Value::Int(3), Value::Int(7)), 2);
    }
}
