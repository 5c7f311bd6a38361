//! Deaf channels: channels whose values sent from now on no goroutine will ever receive, for
//! the state key (`bytecode::counters`' sends to a deaf channel, `counter_key`).
//!
//! A goroutine can receive from a channel only through a reference to it, reachable from its
//! *receiving roots*: its frames' locals that are live (`bytecode::liveness`) and not
//! send-only parameters (`bytecode::counters::Counters::send_only`: a frame can only send on
//! such a slot's channel), a returning frame's results only (it runs no more of its code),
//! operand stacks, captured variables, pending deferred calls, map cursors, and its parked
//! operation's operands but the channel of a send, a close or a `len` (the operation uses the
//! channel and drops it); through the heap (pointers, slices, maps, closures, interfaces, the
//! values buffered in a channel it can receive from, and the objects the library's states
//! hold: a `testing.T`'s parent and cleanups, a timer's channel or function, a context's
//! channels and relatives), or from the program's globals and the library's variables (every
//! goroutine's roots). A runtime goroutine firing a channel timer only sends.
//!
//! # Bounded receivers
//! A live slot whose every future read is a receive's channel operand (or an inert use:
//! `close`, `len`, `cap`, a send's channel) receives at most `k` more times through it and
//! passes its channel nowhere (`bytecode::receives`); a parked receive, or a parked `select`
//! with receive cases on the channel, receives once. These are not roots: they add `k` (or 1)
//! to the channel's *pending* receives, and what the channel buffers is reached (they take
//! it). A channel no root reaches whose pending receives `R` are at most its buffered values
//! is deaf from position `R` on: the receivers take at most `R` values, first in first out,
//! all buffered already, so neither the buffered values from position `R` on nor any value
//! sent from now on is ever received. `R = 0`: no one can receive from it again at all. A
//! closed channel's receives after its buffer drains yield zero values, not sent ones.
//!
//! # Soundness
//! The verdict holds in every future of the state: a goroutine comes to hold a reference only
//! from an object some holder writes it to, from its creator, or from a channel it receives
//! from; a bounded slot's and a send-only parameter's channel is written nowhere, a dead slot
//! is never read again, and the values the bounded receivers may take are walked as roots.
//! So no new receiver appears; each receive lowers both the pending receives and the buffered
//! count by one, and sends only add to the buffer. The walk's own answer may still change
//! (a frame starting to return drops slots the liveness kept), so the state key relies only on
//! this: what a verdict made deaf in a state stays unobservable in its descendants.
//! What the walk does not know (a `sync.Map`'s store, a panicking goroutine, the bodies of
//! `sync.Map.Range`) and a walk over [`MAX_VISITS`] objects make no channel deaf.

use super::Machine;
use crate::bytecode::counters::Counters;
use crate::bytecode::liveness::Liveness;
use crate::bytecode::receives::Receives;
use crate::bytecode::ResultSlot;
use crate::rt::goroutine::{Deferred, Frame, FrameKind, Goroutine, Visible};
use crate::rt::sync_state::SyncState;
use crate::rt::timer::TimerAction;
use crate::rt::value::{ChanId, MapId, ObjId, Value};

/// The most heap objects one walk visits before it gives up (no channel is then deaf).
const MAX_VISITS: u32 = 4096;

/// Values nested deeper than this make the walk give up.
const MAX_DEPTH: u32 = 64;

/// Deaf channels, each with the number of its buffered values that may still be received
/// (module docs): from that position on, its buffered values and every value sent to it are
/// never received.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Deaf {
    /// (channel, values that may still be received), by ascending channel.
    chans: Vec<(ChanId, u32)>,
}

impl Deaf {
    /// No channel is deaf.
    pub(crate) fn is_empty(&self) -> bool {
        self.chans.is_empty()
    }

    /// Channel `c` is deaf: no value sent to it from now on is received.
    pub(crate) fn contains(&self, c: ChanId) -> bool {
        self.heard(c).is_some()
    }

    /// How many of deaf channel `c`'s buffered values may still be received (`None`: `c` is
    /// not deaf).
    pub(crate) fn heard(&self, c: ChanId) -> Option<u32> {
        self.chans
            .binary_search_by_key(&c, |(ch, _)| *ch)
            .ok()
            .map(|i| self.chans[i].1)
    }
}

impl Machine {
    /// Of `candidates` (sorted, deduplicated), the deaf channels (module docs).
    pub(super) fn deaf_channels(
        &self,
        counters: &Counters,
        liveness: &Liveness,
        receives: &Receives,
        candidates: &[ChanId],
    ) -> Deaf {
        let mut walk = Walk {
            machine: self,
            candidates,
            reached: vec![false; candidates.len()],
            pending: vec![0; candidates.len()],
            seen: Vec::new(),
            visits: 0,
            unknown: false,
        };
        for o in &self.heap.globals {
            walk.object(*o, 0);
        }
        for v in self.lib_vars.values() {
            walk.value(v, 0);
        }
        for g in self.goroutines.iter() {
            if g.is_live() {
                walk.goroutine(g, counters, liveness, receives);
            }
            if walk.unknown {
                return Deaf::default();
            }
        }
        if walk.unknown {
            return Deaf::default();
        }
        let mut chans = Vec::new();
        for (i, c) in candidates.iter().enumerate() {
            let buffered = self
                .heap
                .chans
                .get(c.0 as usize)
                .map_or(0, |ch| ch.buf.len());
            if !walk.reached[i] && walk.pending[i] as usize <= buffered {
                chans.push((*c, walk.pending[i]));
            }
        }
        Deaf { chans }
    }
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

/// A reachability walk from receiving roots, marking the candidates it reaches.
struct Walk<'a> {
    /// The state.
    machine: &'a Machine,
    /// The channels asked about, sorted.
    candidates: &'a [ChanId],
    /// Per candidate: some receiving root reaches it.
    reached: Vec<bool>,
    /// Per candidate: the receives bounded receivers may still make from it (saturating).
    pending: Vec<u32>,
    /// Nodes visited (sorted).
    seen: Vec<Node>,
    /// Nodes visited. Invariant: at most [`MAX_VISITS`] + 1.
    visits: u32,
    /// The walk met what it does not know, or went over budget: nothing is deaf.
    unknown: bool,
}

impl Walk<'_> {
    /// Mark `node` seen; false when it was, or when the walk is over.
    fn enter(&mut self, node: Node) -> bool {
        if self.unknown {
            return false;
        }
        match self.seen.binary_search(&node) {
            Ok(_) => false,
            Err(i) => {
                self.visits += 1;
                if self.visits > MAX_VISITS {
                    self.unknown = true;
                    return false;
                }
                self.seen.insert(i, node);
                true
            }
        }
    }

    /// The receiving roots and bounded receives of live goroutine `g`.
    fn goroutine(
        &mut self,
        g: &Goroutine,
        counters: &Counters,
        liveness: &Liveness,
        receives: &Receives,
    ) {
        if g.panicking.is_some() {
            self.unknown = true;
            return;
        }
        if g.runtime {
            // A channel timer's fire only sends; anything else is walked.
            if let Some(Visible::TimerFire(p)) = &g.next {
                match self.machine.heap.sync(p) {
                    Ok(SyncState::Timer(t)) if matches!(t.action, TimerAction::Send(_)) => {}
                    _ => self.object(p.obj, 0),
                }
                return;
            }
        }
        for frame in &g.frames {
            self.locals(frame, counters, liveness, receives);
            for v in &frame.stack {
                self.value(v, 0);
            }
            for p in frame.captures.iter() {
                self.object(p.obj, 0);
            }
            match &frame.kind {
                FrameKind::Call | FrameKind::Root | FrameKind::Deferred | FrameKind::Init => {}
                FrameKind::OnceBody(p) => self.object(p.obj, 0),
                FrameKind::RangeBody(_) => self.unknown = true,
            }
            for d in &frame.defers {
                match d {
                    Deferred::Call { func, args } => {
                        self.value(func, 0);
                        args.iter().for_each(|v| self.value(v, 0));
                    }
                    Deferred::Lib { args, .. } => args.iter().for_each(|v| self.value(v, 0)),
                }
            }
        }
        for (m, _) in &g.iters {
            if let Some(m) = m {
                self.map(*m, 0);
            }
        }
        if let Some(next) = &g.next {
            self.visible(next);
        }
    }

    /// The locals of `frame`: roots, or bounded receives of the channel they hold.
    fn locals(
        &mut self,
        frame: &Frame,
        counters: &Counters,
        liveness: &Liveness,
        receives: &Receives,
    ) {
        if frame.returning {
            // It runs no more of its code: only its results are read (by its caller).
            let machine = self.machine;
            let Some(func) = machine.program.funcs.get(frame.func.0 as usize) else {
                self.unknown = true;
                return;
            };
            for r in &func.result_slots {
                let (ResultSlot::Local(n) | ResultSlot::Cell(n)) = r;
                if let Some(v) = frame.locals.get(*n as usize) {
                    self.value(v, 0);
                }
            }
            return;
        }
        let send_only = counters.send_only(frame.func);
        for (slot, v) in frame.locals.iter().enumerate() {
            let slot = slot as u32;
            if !liveness.live(frame.func, frame.pc, slot) || send_only.binary_search(&slot).is_ok()
            {
                continue;
            }
            match (receives.bound(frame.func, frame.pc, slot), v) {
                (Some(k), Value::Chan(Some(c))) => self.bounded(*c, k, 0),
                (Some(_), Value::Chan(None)) => {}
                _ => self.value(v, 0),
            }
        }
    }

    /// The operands of a parked operation but a send's, a close's or a `len`'s channel; a
    /// receive's channel is received from once.
    fn visible(&mut self, v: &Visible) {
        match v {
            Visible::Load(p) | Visible::Store(p, _) => {
                if let Some(p) = p {
                    self.object(p.obj, 0);
                }
                if let Visible::Store(_, v) = v {
                    self.value(v, 0);
                }
            }
            Visible::MapGet { map, key, .. } => {
                map.iter().for_each(|m| self.map(*m, 0));
                self.value(key, 0);
            }
            Visible::MapWriteBegin {
                map, key, value, ..
            } => {
                map.iter().for_each(|m| self.map(*m, 0));
                key.iter()
                    .chain(value.iter())
                    .for_each(|v| self.value(v, 0));
            }
            Visible::MapWriteEnd { map, key, .. } => {
                self.map(*map, 0);
                key.iter().for_each(|v| self.value(v, 0));
            }
            Visible::MapLen(m) => m.iter().for_each(|m| self.map(*m, 0)),
            Visible::ChanLen(_) | Visible::Close(_) => {}
            Visible::Recv { chan: c, .. } => c.iter().for_each(|c| self.bounded(*c, 1, 0)),
            Visible::MapIterNext { .. } | Visible::Wake | Visible::Exit => {}
            Visible::Append {
                slice,
                elems,
                source,
                ..
            } => {
                self.value(slice, 0);
                elems
                    .iter()
                    .chain(source.iter())
                    .for_each(|v| self.value(v, 0));
            }
            Visible::Copy { dst, src } => {
                self.value(dst, 0);
                self.value(src, 0);
            }
            Visible::Go { func, args } => {
                self.value(func, 0);
                args.iter().for_each(|v| self.value(v, 0));
            }
            Visible::Send(_, v) => self.value(v, 0),
            Visible::Select { arms, .. } => {
                // One case is taken: one receive from each channel of a receive case at most.
                let mut received: Vec<ChanId> = Vec::new();
                for a in arms {
                    match (&a.send, a.chan) {
                        (Some(v), _) => self.value(v, 0),
                        (None, Some(c)) if !received.contains(&c) => {
                            received.push(c);
                            self.bounded(c, 1, 0);
                        }
                        (None, _) => {}
                    }
                }
            }
            Visible::Lib { args, .. } | Visible::Print { args, .. } => {
                args.iter().for_each(|v| self.value(v, 0));
            }
            Visible::FileLock { results, log, .. } | Visible::FileUnlock { results, log, .. } => {
                results.iter().flatten().for_each(|v| self.value(v, 0));
                if let Some(l) = log {
                    self.object(l.mu.obj, 0);
                }
            }
            Visible::RwLockFinish(p)
            | Visible::WaitGroupWake { wg: p, .. }
            | Visible::WaitGroupSemacquire(p)
            | Visible::OnceDone(p)
            | Visible::TimerFire(p) => self.object(p.obj, 0),
            Visible::SyncMap(_) => self.unknown = true,
        }
    }

    /// What `v` reaches.
    fn value(&mut self, v: &Value, depth: u32) {
        if self.unknown {
            return;
        }
        if depth > MAX_DEPTH {
            self.unknown = true;
            return;
        }
        match v {
            Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Unit => {}
            Value::Ptr(p) => p.iter().for_each(|p| self.object(p.obj, depth + 1)),
            Value::Slice(s) => s.iter().for_each(|s| self.object(s.obj, depth + 1)),
            Value::Map(m) => m.iter().for_each(|m| self.map(*m, depth + 1)),
            Value::Chan(c) => c.iter().for_each(|c| self.chan(*c, depth + 1)),
            Value::Func(None) => {}
            Value::Func(Some(closure)) => {
                closure
                    .captures
                    .iter()
                    .for_each(|p| self.object(p.obj, depth + 1));
                closure.bound.iter().for_each(|b| self.value(b, depth + 1));
            }
            Value::Struct(fields) | Value::Array(fields) => {
                fields.iter().for_each(|f| self.value(f, depth + 1));
            }
            Value::Iface(inner) => inner.iter().for_each(|i| self.value(&i.1, depth + 1)),
            Value::Sync(state) => self.sync(state, depth + 1),
        }
    }

    /// What a library object's state reaches.
    fn sync(&mut self, state: &SyncState, depth: u32) {
        match state {
            SyncState::Mutex(_)
            | SyncState::RwMutex(_)
            | SyncState::WaitGroup(_)
            | SyncState::Once(_)
            | SyncState::AtomicInt(_)
            | SyncState::AtomicBool(_)
            | SyncState::CondNotify(_) => {}
            SyncState::AtomicValue(v) => self.value(v, depth),
            SyncState::TestingT(t) => {
                t.parent
                    .iter()
                    .chain(t.parallel_subs.iter())
                    .for_each(|p| self.object(p.obj, depth));
                t.cleanups.iter().for_each(|v| self.value(v, depth));
            }
            SyncState::Timer(t) => match &t.action {
                TimerAction::None => {}
                TimerAction::Send(c) => self.chan(*c, depth),
                TimerAction::Func(f) => self.value(f, depth),
                TimerAction::CancelContext(p) => self.object(p.obj, depth),
            },
            SyncState::Context(c) => {
                c.parent
                    .iter()
                    .chain(c.children.iter())
                    .chain(c.timer.iter())
                    .for_each(|p| self.object(p.obj, depth));
                c.done.iter().for_each(|ch| self.chan(*ch, depth));
                c.err.iter().for_each(|v| self.value(v, depth));
            }
            SyncState::Map(_) => self.unknown = true,
        }
    }

    /// What heap cell `obj` reaches.
    fn object(&mut self, obj: ObjId, depth: u32) {
        if !self.enter(Node::Obj(obj)) {
            return;
        }
        let machine = self.machine;
        match machine.heap.cells.get(obj.0 as usize) {
            Some(cell) => self.value(&cell.value, depth),
            None => self.unknown = true,
        }
    }

    /// What map `m` reaches.
    fn map(&mut self, m: MapId, depth: u32) {
        if !self.enter(Node::Map(m)) {
            return;
        }
        let machine = self.machine;
        let Some(map) = machine.heap.maps.get(m.0 as usize) else {
            self.unknown = true;
            return;
        };
        for (k, v) in map.entry_values() {
            self.value(k, depth);
            self.value(v, depth);
        }
    }

    /// Channel `c` is reached; so is what it buffers.
    fn chan(&mut self, c: ChanId, depth: u32) {
        if let Ok(i) = self.candidates.binary_search(&c) {
            self.reached[i] = true;
        }
        self.buffered(c, depth);
    }

    /// A bounded receiver may receive from channel `c` `k` more times: what `c` buffers is
    /// reached.
    fn bounded(&mut self, c: ChanId, k: u32, depth: u32) {
        if k == 0 {
            return;
        }
        if let Ok(i) = self.candidates.binary_search(&c) {
            self.pending[i] = self.pending[i].saturating_add(k);
        }
        self.buffered(c, depth);
    }

    /// What channel `c` buffers is reached.
    fn buffered(&mut self, c: ChanId, depth: u32) {
        if !self.enter(Node::Chan(c)) {
            return;
        }
        let machine = self.machine;
        let Some(ch) = machine.heap.chans.get(c.0 as usize) else {
            self.unknown = true;
            return;
        };
        for v in &ch.buf {
            self.value(v, depth);
        }
    }
}

#[cfg(test)]
#[path = "deaf_tests.rs"]
mod tests;
