//! Channel steps that are persistent sets alone, judged per channel object (Godefroid 1996,
//! ch. 4, with an object-sensitive dependence: a step on channel `c` can only depend on steps
//! of goroutines that can operate on `c`).
//!
//! The static future (`bytecode::future`) knows only that a goroutine may still make *some*
//! channel operation; two clients each waiting on its own reply channel look alike. This file
//! asks the state which goroutines can operate on the channels a step touches at all: a
//! goroutine can operate on a channel only through a reference to it, and it holds one only if
//! the channel is reachable from its roots (its frames' live locals, `bytecode::liveness`: a
//! slot no path from the frame's point reads again holds nothing the frame can still use; a
//! returning frame's results only; operand stacks, captured variables and pending deferred
//! calls, its parked operation's operands) through the heap
//! (pointers, slices, maps, closures, interfaces, the values buffered in a channel it can
//! reach), or from the program's globals and the library's variables (reachable by every
//! goroutine).
//!
//! Let `S` be the channels of the step of goroutine `g` (its own operation's, a partner's, the
//! arrival at its next one), and `K` the other live goroutines that can reach some channel of
//! `S`. If every goroutine of `K` is *stuck* — parked, not enabled, at a send, a receive or a
//! `select` without default whose channels all are in `S` — then in every run from this state
//! in which `g` does not move, no goroutine but `g` ever operates on a channel of `S`:
//! - a goroutine outside `K` can come to hold a reference only from an object some goroutine
//!   that holds one writes it to, or from its creator; the holders are `g` and the stuck
//!   goroutines, which do not move;
//! - a stuck goroutine waits on channels of `S`, which only `g` can make ready (a send, a
//!   receive, a partner arriving, a close are all operations on them).
//!
//! So `g`'s step commutes with what every goroutine of `K` can do (nothing) and with the
//! channel operations of the others; the rest of its footprint (plain memory, maps, a spawn)
//! must still commute with the others' static futures, as any candidate's does
//! (`target::persistent`). What the walk does not know (a `sync.Map`'s store, a context, a
//! timer, a testing object, a panicking or runtime goroutine) counts as reaching every channel;
//! so does a walk over [`MAX_VISITS`] objects.

use super::footprint::{Footprint, Resource};
use crate::bytecode::future::Classes;
use crate::bytecode::liveness::Liveness;
use crate::bytecode::ResultSlot;
use crate::rt::event::Gid;
use crate::rt::goroutine::{Deferred, Frame, FrameKind, GoStatus, Goroutine, Visible};
use crate::rt::machine::Machine;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ChanId, MapId, ObjId, Value};

/// The most heap objects one check visits (over all goroutines' walks) before it gives up
/// (the step is then not explored alone).
const MAX_VISITS: u32 = 2048;

/// Values nested deeper than this count as reaching every channel.
const MAX_DEPTH: u32 = 64;

impl Machine {
    /// `gid`'s step with `footprint`, whose resources are channel resources and ones of the
    /// classes `rest` (a candidate's: plain memory, maps, a spawn), commutes with everything
    /// every other goroutine may still do (see the module docs); `goroutine_futures` is
    /// [`Machine::goroutine_futures`] of this state, `liveness` the program's live slots,
    /// `waits_for(g)` whether goroutine `g` is queued on a lock only `gid` can release.
    pub(super) fn chan_step_alone(
        &self,
        gid: Gid,
        footprint: &Footprint,
        rest: Classes,
        goroutine_futures: &[Classes],
        liveness: &Liveness,
        waits_for: &dyn Fn(&Goroutine) -> bool,
    ) -> bool {
        let mut chans: Vec<ChanId> = footprint
            .resources
            .iter()
            .filter_map(|(r, _)| operated(r))
            .collect();
        chans.sort_unstable();
        chans.dedup();
        // What the others' arrivals at a channel of the step's arrivals conflict with:
        // a `select` with a default (any channel: the channel may change hands), a send on a
        // buffered one (a handoff to a receiver that has arrived).
        let mut arrivals = Classes::NONE;
        for (r, _) in &footprint.resources {
            match r {
                Resource::ChanArrival(c) if chans.binary_search(c).is_err() => {
                    arrivals = arrivals.union(Classes::CHAN_POLL);
                }
                Resource::ReceiverArrival(c)
                    if chans.binary_search(c).is_err()
                        && self
                            .heap
                            .chans
                            .get(c.0 as usize)
                            .is_none_or(|ch| ch.cap > 0) =>
                {
                    arrivals = arrivals.union(Classes::CHAN);
                }
                _ => {}
            }
        }
        let mut walk = Walk {
            machine: self,
            liveness,
            chans: &chans,
            seen: Vec::new(),
            visits: 0,
        };
        // Globals (the program's and the library's) are every goroutine's roots: walked once,
        // and left seen for every walk after (what they reach reaches no channel of the step).
        let globals_reach = !chans.is_empty()
            && (self.heap.globals.iter().any(|o| walk.object(*o, 0))
                || self.lib_vars.values().any(|v| walk.value(v, 0)));
        if globals_reach {
            return false;
        }
        let globals_seen = walk.seen.clone();
        self.goroutines.iter().enumerate().all(|(i, g)| {
            if i == gid.0 as usize || !g.is_live() || waits_for(g) {
                return true;
            }
            let future = goroutine_futures.get(i).copied().unwrap_or(Classes::TOP);
            let apart =
                !rest.conflicts_with(future) && !future.any(Classes::TOP) && !future.any(arrivals);
            if chans.is_empty() {
                return apart;
            }
            // It holds a channel of the step: only where it cannot move before the step;
            // else its future must be apart. The walk decides only where the two differ.
            let stuck = self.stuck_on(g, &chans);
            if stuck == apart {
                return stuck;
            }
            walk.seen.clone_from(&globals_seen);
            if walk.goroutine(g) {
                stuck
            } else {
                apart
            }
        })
    }

    /// `g` is parked, not enabled, at a send, receive or `select` without default whose
    /// channels are all in `chans`.
    fn stuck_on(&self, g: &Goroutine, chans: &[ChanId]) -> bool {
        if g.runtime || g.panicking.is_some() || !matches!(g.status, GoStatus::Parked) {
            return false;
        }
        let Some(next) = &g.next else {
            return false;
        };
        let within = |c: &Option<ChanId>| c.is_none_or(|c| chans.binary_search(&c).is_ok());
        let on_chans = match next {
            Visible::Send(c, _) | Visible::Recv { chan: c, .. } => within(c),
            Visible::Select {
                arms,
                has_default: false,
                ..
            } => arms.iter().all(|a| within(&a.chan)),
            _ => false,
        };
        on_chans && !self.enabled(g.gid, next)
    }
}

/// The channel a resource operates on or polls: every resource of a channel but an arrival
/// (which conflicts only with a poll) and a receive's own [`Resource::Receiver`] (which
/// conflicts with nothing).
fn operated(r: &Resource) -> Option<ChanId> {
    match r {
        Resource::Chan(c) | Resource::ChanPoll(c) | Resource::ReceiverPoll(c) => Some(*c),
        _ => None,
    }
}

/// The channel a channel resource names.
fn chan_of(r: &Resource) -> Option<ChanId> {
    match r {
        Resource::Chan(c)
        | Resource::ChanArrival(c)
        | Resource::ChanPoll(c)
        | Resource::Receiver(c)
        | Resource::ReceiverArrival(c)
        | Resource::ReceiverPoll(c) => Some(*c),
        _ => None,
    }
}

/// The footprint's resources are channel resources (some) and others of a candidate step,
/// and it is neither global nor an exit.
pub(super) fn touches_chans(footprint: &Footprint) -> bool {
    !footprint.global
        && !footprint.main_exit
        && !footprint.goroutine_exit
        && footprint
            .resources
            .iter()
            .any(|(r, _)| chan_of(r).is_some())
}

/// The footprint's resources but its channel resources.
pub(super) fn without_chans(footprint: &Footprint) -> impl Iterator<Item = &(Resource, bool)> + '_ {
    footprint
        .resources
        .iter()
        .filter(|(r, _)| chan_of(r).is_none())
}

/// A heap object a walk visits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Node {
    /// A heap cell.
    Obj(ObjId),
    /// A map.
    Map(MapId),
    /// A channel (its buffered values).
    Chan(ChanId),
}

/// A reachability walk looking for the channels of a step: every method answers "may reach
/// one" (`true` also for what it does not know).
struct Walk<'a> {
    /// The state.
    machine: &'a Machine,
    /// The program's live slots.
    liveness: &'a Liveness,
    /// The channels looked for, sorted.
    chans: &'a [ChanId],
    /// Nodes visited (sorted).
    seen: Vec<Node>,
    /// Nodes visited in this check, over every walk. Invariant: at most [`MAX_VISITS`] + 1.
    visits: u32,
}

impl Walk<'_> {
    /// Mark `node` seen: `None` when it was not and the walk may go on, `Some(false)` when it
    /// was, `Some(true)` when the walk is over budget.
    fn enter(&mut self, node: Node) -> Option<bool> {
        match self.seen.binary_search(&node) {
            Ok(_) => Some(false),
            Err(i) => {
                self.visits += 1;
                if self.visits > MAX_VISITS {
                    return Some(true);
                }
                self.seen.insert(i, node);
                None
            }
        }
    }

    /// Goroutine `g`'s roots may reach a channel looked for.
    fn goroutine(&mut self, g: &Goroutine) -> bool {
        if g.runtime || g.panicking.is_some() {
            return true;
        }
        for frame in &g.frames {
            if self.locals(frame)
                || frame.stack.iter().any(|v| self.value(v, 0))
                || frame.captures.iter().any(|p| self.object(p.obj, 0))
            {
                return true;
            }
            let kind = match &frame.kind {
                FrameKind::Call | FrameKind::Root | FrameKind::Deferred | FrameKind::Init => false,
                FrameKind::OnceBody(p) => self.object(p.obj, 0),
                FrameKind::RangeBody(_) => true,
            };
            if kind {
                return true;
            }
            for d in &frame.defers {
                let reach = match d {
                    Deferred::Call { func, args } => {
                        self.value(func, 0) || args.iter().any(|v| self.value(v, 0))
                    }
                    Deferred::Lib { args, .. } => args.iter().any(|v| self.value(v, 0)),
                };
                if reach {
                    return true;
                }
            }
        }
        if g.iters
            .iter()
            .any(|(m, _)| m.is_some_and(|m| self.map(m, 0)))
        {
            return true;
        }
        match &g.next {
            None => false,
            Some(next) => self.visible(next),
        }
    }

    /// The locals of `frame` that it may still read may reach a channel looked for: its live
    /// slots (`bytecode::liveness`: a dead slot is never read again, so the frame can pass on
    /// or operate on nothing it holds), only its results once it returns (it runs no more of
    /// its code; its caller reads them).
    fn locals(&mut self, frame: &Frame) -> bool {
        let machine = self.machine;
        if frame.returning {
            let Some(func) = machine.program.funcs.get(frame.func.0 as usize) else {
                return true;
            };
            return func.result_slots.iter().any(|r| {
                let (ResultSlot::Local(n) | ResultSlot::Cell(n)) = r;
                frame
                    .locals
                    .get(*n as usize)
                    .is_some_and(|v| self.value(v, 0))
            });
        }
        let liveness = self.liveness;
        frame
            .locals
            .iter()
            .enumerate()
            .any(|(slot, v)| liveness.live(frame.func, frame.pc, slot as u32) && self.value(v, 0))
    }

    /// The operands of a parked operation may reach a channel looked for.
    fn visible(&mut self, v: &Visible) -> bool {
        let values = |w: &mut Self, vs: &[Value]| vs.iter().any(|v| w.value(v, 0));
        match v {
            Visible::Load(p) => p.as_ref().is_some_and(|p| self.object(p.obj, 0)),
            Visible::Store(p, v) => {
                self.value(v, 0) || p.as_ref().is_some_and(|p| self.object(p.obj, 0))
            }
            Visible::MapGet { map, key, .. } => {
                map.is_some_and(|m| self.map(m, 0)) || self.value(key, 0)
            }
            Visible::MapWriteBegin {
                map, key, value, ..
            } => {
                map.is_some_and(|m| self.map(m, 0))
                    || key.as_ref().is_some_and(|k| self.value(k, 0))
                    || value.as_ref().is_some_and(|v| self.value(v, 0))
            }
            Visible::MapWriteEnd { map, key, .. } => {
                self.map(*map, 0) || key.as_ref().is_some_and(|k| self.value(k, 0))
            }
            Visible::MapLen(m) => m.is_some_and(|m| self.map(m, 0)),
            Visible::ChanLen(c) | Visible::Close(c) => c.is_some_and(|c| self.chan(c, 0)),
            Visible::MapIterNext { .. } => false,
            Visible::Append {
                slice,
                elems,
                source,
                ..
            } => {
                self.value(slice, 0)
                    || values(self, elems)
                    || source.as_ref().is_some_and(|s| self.value(s, 0))
            }
            Visible::Copy { dst, src } => self.value(dst, 0) || self.value(src, 0),
            Visible::Go { func, args } => self.value(func, 0) || values(self, args),
            Visible::Send(c, v) => c.is_some_and(|c| self.chan(c, 0)) || self.value(v, 0),
            Visible::Recv { chan, .. } => chan.is_some_and(|c| self.chan(c, 0)),
            Visible::Select { arms, .. } => arms.iter().any(|a| {
                a.chan.is_some_and(|c| self.chan(c, 0))
                    || a.send.as_ref().is_some_and(|v| self.value(v, 0))
            }),
            Visible::Lib { args, .. } => values(self, args),
            Visible::Print { args, .. } => values(self, args),
            Visible::FileLock { results, log, .. } | Visible::FileUnlock { results, log, .. } => {
                results.as_deref().is_some_and(|r| values(self, r))
                    || log.as_ref().is_some_and(|l| self.object(l.mu.obj, 0))
            }
            Visible::RwLockFinish(p)
            | Visible::WaitGroupWake { wg: p, .. }
            | Visible::WaitGroupSemacquire(p)
            | Visible::OnceDone(p) => self.object(p.obj, 0),
            Visible::Wake | Visible::Exit => false,
            Visible::SyncMap(_) | Visible::TimerFire(_) => true,
        }
    }

    /// `v` may reach a channel looked for.
    fn value(&mut self, v: &Value, depth: u32) -> bool {
        if depth > MAX_DEPTH {
            return true;
        }
        match v {
            Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Unit => false,
            Value::Ptr(None)
            | Value::Map(None)
            | Value::Chan(None)
            | Value::Slice(None)
            | Value::Func(None)
            | Value::Iface(None) => false,
            Value::Ptr(Some(p)) => self.object(p.obj, depth + 1),
            Value::Slice(Some(s)) => self.object(s.obj, depth + 1),
            Value::Map(Some(m)) => self.map(*m, depth + 1),
            Value::Chan(Some(c)) => self.chan(*c, depth + 1),
            Value::Func(Some(closure)) => {
                closure
                    .captures
                    .iter()
                    .any(|p| self.object(p.obj, depth + 1))
                    || closure
                        .bound
                        .as_ref()
                        .is_some_and(|b| self.value(b, depth + 1))
            }
            Value::Struct(fields) | Value::Array(fields) => {
                fields.iter().any(|f| self.value(f, depth + 1))
            }
            Value::Iface(Some(inner)) => self.value(&inner.1, depth + 1),
            Value::Sync(state) => match &**state {
                SyncState::Mutex(_)
                | SyncState::RwMutex(_)
                | SyncState::WaitGroup(_)
                | SyncState::Once(_)
                | SyncState::AtomicInt(_)
                | SyncState::AtomicBool(_) => false,
                SyncState::AtomicValue(v) => self.value(v, depth + 1),
                _ => true,
            },
        }
    }

    /// Heap cell `obj` may reach a channel looked for.
    fn object(&mut self, obj: ObjId, depth: u32) -> bool {
        if let Some(verdict) = self.enter(Node::Obj(obj)) {
            return verdict;
        }
        let machine = self.machine;
        match machine.heap.cells.get(obj.0 as usize) {
            Some(cell) => self.value(&cell.value, depth),
            None => true,
        }
    }

    /// Map `m` may reach a channel looked for.
    fn map(&mut self, m: MapId, depth: u32) -> bool {
        if let Some(verdict) = self.enter(Node::Map(m)) {
            return verdict;
        }
        let machine = self.machine;
        let Some(map) = machine.heap.maps.get(m.0 as usize) else {
            return true;
        };
        map.entry_values()
            .any(|(k, v)| self.value(k, depth) || self.value(v, depth))
    }

    /// Channel `c` is one looked for, or its buffered values may reach one.
    fn chan(&mut self, c: ChanId, depth: u32) -> bool {
        if self.chans.binary_search(&c).is_ok() {
            return true;
        }
        if let Some(verdict) = self.enter(Node::Chan(c)) {
            return verdict;
        }
        let machine = self.machine;
        let Some(ch) = machine.heap.chans.get(c.0 as usize) else {
            return true;
        };
        ch.buf.iter().any(|v| self.value(v, depth))
    }
}
