//! The dependence index of the DPOR trace: per object, the trace steps that touched it, and
//! per goroutine, the steps it took part in; so that the steps a new step depends on are found
//! without scanning the whole trace.
//!
//! The classic implementation of DPOR (Flanagan and Godefroid, POPL 2005, section 4) keeps,
//! per shared object, the last access(es) to it: a step that depends on an earlier access to
//! the object also depends on (and so happens after) every access that the last write
//! conflicts with. Here the footprints are richer (commuting classes, fields of a struct,
//! arrivals), so the index keeps every access per *key* (a coarse name of what a resource can
//! overlap: [`key`]; two resources that overlap always have the same key) and walks each list
//! from its end, skipping steps already in the new event's causal past. A step in the past
//! that is a *barrier* for its key (a write that is dependent with every access of the key: a
//! write of a whole object, a channel operation) ends the walk of that list:
//! every earlier access of the key is dependent with it, so it happens before it, so it is in
//! the past too. A global step in the past ends every walk. What the walk returns is then
//! filtered by the exact dependence test, so the answer is exactly the dependent steps not in
//! the past, as a scan of the whole trace would find them (debug builds compare the two on
//! traces of up to 300 steps).
//!
//! A goroutine bomb's `go` statements all touched the goroutine numbering once: a scan read
//! the whole trace at every step (quadratic in the run's length). Creations now overlap
//! nothing (`Resource::Spawn`): they are not indexed.

use std::collections::BTreeMap;

use crate::rt::event::Gid;
use crate::target::{Footprint, Resource};

/// A coarse name of what a resource can overlap: resources that overlap
/// (`Resource::overlaps`) have the same key. `None`: the resource overlaps nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Key {
    /// A heap object: its memory and the commuting updates of it.
    Obj(u32),
    /// A whole map.
    Map(u32),
    /// A channel's operations.
    Chan(u32),
    /// Arrivals at a channel and the `select`-with-default polls of it.
    ChanArrival(u32),
    /// Arrivals at a receive on a channel and the polls of a buffered send.
    ReceiverArrival(u32),
    /// Program output.
    Output,
    /// An open file's lock.
    File(i64),
    /// Go's goroutine numbers.
    GoId,
    /// The virtual clock.
    Clock,
    /// Virtual time's idleness.
    Idle,
    /// The race detector's count of reports.
    RaceCount,
}

/// The key of a resource, and whether a write of it is a barrier: dependent with every access
/// of the key.
pub(super) fn key(r: &Resource) -> Option<(Key, bool)> {
    Some(match r {
        Resource::Memory(p) => (Key::Obj(p.obj.0), p.path.is_empty()),
        Resource::Commuting(p, _) => (Key::Obj(p.obj.0), false),
        Resource::Map(m) => (Key::Map(m.0), true),
        Resource::Chan(c) => (Key::Chan(c.0), true),
        Resource::ChanArrival(c) | Resource::ChanPoll(c) => (Key::ChanArrival(c.0), false),
        Resource::Receiver(_) | Resource::Spawn => return None,
        Resource::ReceiverArrival(c) | Resource::ReceiverPoll(c) => {
            (Key::ReceiverArrival(c.0), false)
        }
        Resource::Output => (Key::Output, true),
        Resource::File(fd) => (Key::File(*fd), true),
        Resource::FileWaiter(fd) => (Key::File(*fd), false),
        Resource::GoId => (Key::GoId, true),
        Resource::ClockRaise | Resource::ClockRead => (Key::Clock, false),
        Resource::Idle => (Key::Idle, true),
        Resource::RaceReport | Resource::RaceCountRead => (Key::RaceCount, false),
    })
}

/// A footprint that is dependent with everything before it in the trace: global, and not
/// main's exit nor a goroutine's (which commute with each other).
fn full_barrier(fp: &Footprint) -> bool {
    fp.global && !fp.main_exit && !fp.goroutine_exit
}

/// The keys a footprint touches, each once, with whether it is a barrier for it.
fn keys_of(fp: &Footprint) -> Vec<(Key, bool)> {
    let mut keys: Vec<(Key, bool)> = Vec::new();
    for (r, write) in &fp.resources {
        if let Some((k, barrier)) = key(r) {
            let barrier = barrier && *write;
            match keys.iter_mut().find(|(q, _)| *q == k) {
                Some(entry) => entry.1 |= barrier,
                None => keys.push((k, barrier)),
            }
        }
    }
    keys
}

/// The index of a trace, kept in step with it (push and pop).
// Invariant: the lists hold exactly the trace's steps, in increasing order.
#[derive(Clone, Debug, Default)]
pub(super) struct TraceIndex {
    /// Per key, the steps that touched it (non-global ones), with whether each is a barrier.
    by_key: BTreeMap<Key, Vec<(u32, bool)>>,
    /// The global steps (and main's exit).
    global: Vec<u32>,
    /// Per goroutine id, the steps it took part in.
    steps_of: Vec<Vec<u32>>,
}

impl TraceIndex {
    /// Record step `i` (the trace's last), by `participants`, touching `fp`.
    pub fn push(&mut self, i: usize, participants: &[Gid], fp: &Footprint) {
        let i = i as u32;
        if fp.global || fp.main_exit {
            self.global.push(i);
        } else {
            for (k, barrier) in keys_of(fp) {
                self.by_key.entry(k).or_default().push((i, barrier));
            }
        }
        for g in participants {
            let g = g.0 as usize;
            if self.steps_of.len() <= g {
                self.steps_of.resize_with(g + 1, Vec::new);
            }
            if self.steps_of[g].last() != Some(&i) {
                self.steps_of[g].push(i);
            }
        }
    }

    /// Forget step `i` (the trace's last), recorded by [`TraceIndex::push`] with the same
    /// participants and footprint.
    pub fn pop(&mut self, i: usize, participants: &[Gid], fp: &Footprint) {
        let i = i as u32;
        if fp.global || fp.main_exit {
            let popped = self.global.pop();
            debug_assert_eq!(popped, Some(i));
        } else {
            for (k, _) in keys_of(fp) {
                if let Some(list) = self.by_key.get_mut(&k) {
                    let popped = list.pop();
                    debug_assert_eq!(popped.map(|(j, _)| j), Some(i));
                    if list.is_empty() {
                        self.by_key.remove(&k);
                    }
                }
            }
        }
        for g in participants {
            if let Some(list) = self.steps_of.get_mut(g.0 as usize) {
                if list.last() == Some(&i) {
                    list.pop();
                }
            }
        }
    }

    /// Forget every step.
    pub fn clear(&mut self) {
        *self = TraceIndex::default();
    }

    /// The last step goroutine `g` took part in.
    pub fn last_of(&self, g: Gid) -> Option<usize> {
        self.steps_of
            .get(g.0 as usize)
            .and_then(|l| l.last())
            .map(|&i| i as usize)
    }

    /// The last step before `upto` goroutine `g` took part in.
    pub fn last_of_before(&self, g: Gid, upto: usize) -> Option<usize> {
        let list = self.steps_of.get(g.0 as usize)?;
        let k = list.partition_point(|&i| (i as usize) < upto);
        k.checked_sub(1).map(|k| list[k] as usize)
    }

    /// Candidates for the steps dependent with `fp` that are not in the past (`in_past(i)`:
    /// step `i` happens before the event), in increasing order: a superset of the answer,
    /// holding every step that is dependent and not in the past. `footprint_of(i)` is step
    /// `i`'s footprint; `n` the trace's length.
    pub fn candidates<'f>(
        &self,
        n: usize,
        fp: &Footprint,
        footprint_of: impl Fn(usize) -> &'f Footprint,
        in_past: impl Fn(usize) -> bool,
    ) -> Vec<usize> {
        // Below a full barrier in the past, every step is in the past.
        let mut floor = 0usize;
        let mut out: Vec<usize> = Vec::new();
        for &g in self.global.iter().rev() {
            let g = g as usize;
            if in_past(g) {
                if full_barrier(footprint_of(g)) {
                    floor = g + 1;
                    break;
                }
            } else {
                out.push(g);
            }
        }
        if fp.global || fp.main_exit {
            // Dependent with (nearly) everything: every step above the floor.
            return (floor..n).filter(|&i| !in_past(i)).collect();
        }
        for (k, _) in keys_of(fp) {
            let Some(list) = self.by_key.get(&k) else {
                continue;
            };
            for &(i, barrier) in list.iter().rev() {
                let i = i as usize;
                if i < floor {
                    break;
                }
                if in_past(i) {
                    if barrier {
                        break;
                    }
                } else {
                    out.push(i);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
