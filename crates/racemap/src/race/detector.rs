//! The happens-before data race detector: FastTrack (Flanagan and Freund, "FastTrack: Efficient
//! and Precise Dynamic Race Detection", PLDI 2009) over vector clocks, extended with atomics.
//!
//! The detector is fed the [`Event`]s of a run, in order, and reads only their memory-model
//! [`Effect`]s (plus who moved, the stack and the operation for the report's frames). It never
//! changes execution.
//!
//! Rules (Go memory model as in `doc/go_mem.html`, edges produced by the runtime as effects):
//! - every goroutine `t` has a clock `C_t`; `Acquire(s)` does `C_t ⊔= L_s`; `Release(s)` does
//!   `L_s ⊔= C_t` then advances `C_t[t]` (joins, so releases from several goroutines into the
//!   same sync variable all reach the next acquirer: RUnlocks → Lock, Dones → Wait);
//! - `Spawn(u)` gives `u` everything the parent knows (`C_u ⊔= C_t`) and advances the parent;
//!   goroutine exit and sleep order nothing;
//! - a plain read races with the last plain write and every atomic write not ordered before it;
//!   a plain write also races with every unordered plain read and atomic access; an atomic access
//!   races only with unordered plain accesses (atomics never race with each other).
//! - Per location the last write is one epoch; reads are one epoch while they are totally
//!   ordered and a per-goroutine map once two are concurrent ("read-shared"), as in FastTrack.
//!
//! Reporting follows ThreadSanitizer's defaults as Go uses them: at most one report per access;
//! a race is not reported again when its location was already reported (`suppress_equal_addresses`)
//! or when the same pair of stacks was already reported (`suppress_equal_stacks`).

use crate::cow_vec::CowVec;
use crate::diag::SourceMap;
use crate::race::report::{
    fake_address, GoroutineCreation, RaceAccess, RaceReport, ReportFrame, RuntimeFrame,
};
use crate::race::vclock::{Epoch, VClock};
use crate::rt::event::{Effect, Event, Gid, Loc, Op, Stack, SyncVar};
use crate::rt::value::MapId;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// How the detector numbers goroutines and resolves positions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetectorConfig {
    /// The program's source map (positions → lines, file name).
    pub source_map: Rc<SourceMap>,
    /// Go's number of the first goroutine created by a `go` statement (main is 1, then
    /// `first_goroutine_id`, `first_goroutine_id + 1`, … in creation order); 7 in a typical
    /// `go run -race`.
    pub first_goroutine_id: u64,
    /// The line of `_testmain.go` at which a test binary's `main.main` calls `m.Run()`
    /// ([`crate::bytecode::Program::testmain_line`]), for a test's `created at` frames.
    pub testmain_line: u32,
}

impl DetectorConfig {
    /// Defaults for a source map: goroutines numbered as in a typical `go run -race` (7, 8, …).
    pub fn new(source_map: Rc<SourceMap>) -> DetectorConfig {
        DetectorConfig {
            source_map,
            first_goroutine_id: 7,
            testmain_line: 49,
        }
    }

    /// Go's goroutine number of `gid`.
    pub fn go_id(&self, gid: Gid) -> u64 {
        if gid == Gid::MAIN {
            1
        } else {
            self.first_goroutine_id + gid.0 as u64 - 1
        }
    }
}

/// One recorded access, kept to check later accesses against and to report it.
#[derive(Clone, Debug)]
pub(super) struct Access {
    /// When (and by whom).
    pub(super) epoch: Epoch,
    /// A write rather than a read.
    pub(super) write: bool,
    /// An atomic access.
    pub(super) atomic: bool,
    /// The stack at the access.
    stack: Stack,
    /// The runtime frame Go shows for it (map operations, atomics).
    runtime_frame: Option<Rc<RuntimeFrame>>,
}

/// Plain reads of a location since its last plain write.
#[derive(Clone, Debug, Default)]
pub(super) enum Reads {
    /// No read since the last write.
    #[default]
    None,
    /// The reads so far are totally ordered; this is the last one.
    Epoch(Access),
    /// Concurrent reads: the last read of each goroutine ("read-shared" in FastTrack).
    Shared(BTreeMap<Gid, Access>),
}

impl Reads {
    /// No read since the last write.
    fn is_none(&self) -> bool {
        matches!(self, Reads::None)
    }
}

/// What the detector knows about one location.
#[derive(Clone, Debug, Default)]
pub(super) struct VarState {
    /// The last plain write. Invariant: every earlier plain write happens before it or was
    /// reported as racing with it.
    pub(super) write: Option<Access>,
    /// Plain reads since `write`.
    pub(super) reads: Reads,
    /// The last atomic read and the last atomic write (stores and read-modify-writes) of each
    /// goroutine since the last plain write, by (goroutine, write).
    pub(super) atomics: BTreeMap<(Gid, bool), Access>,
}

/// What the detector knows about a goroutine besides its clock.
#[derive(Clone, Debug, Default)]
pub(super) struct GoroutineInfo {
    /// The stack of the `go` statement that created it (`None` for main).
    created_at: Option<Stack>,
    /// It exited.
    pub(super) finished: bool,
    /// The map its last step iterated over (to tell `mapiterinit` from `mapiternext`).
    pub(super) iterating: Option<MapId>,
    /// Go's number, given in creation order (`None` for main and runtime timer goroutines).
    number: Option<u64>,
    /// A runtime goroutine firing a timer (`rt::timer`; armed by an `Op::Timer` step).
    runtime: bool,
}

/// A key identifying a stack for `suppress_equal_stacks`: function and position of each frame.
pub(super) type StackKey = Vec<(u32, u32, u32)>;

/// The race detector's whole state. `Clone` so the explorer can branch it with the machine.
#[derive(Clone, Debug)]
pub struct Detector {
    /// Numbering and positions.
    config: DetectorConfig,
    /// `C_t` of each goroutine, by id; shared between the explorer's clones of the detector
    /// until one of them changes it (a step changes one or two clocks; the vector is
    /// persistent, so a clone per search node costs what its step changed, not a pointer per
    /// goroutine).
    pub(super) clocks: CowVec<Rc<VClock>>,
    /// Goroutine facts for reports, by id; shared between the explorer's clones like `clocks`.
    pub(super) goroutines: CowVec<Rc<GoroutineInfo>>,
    /// `L_s` of each sync variable; the table is shared between the explorer's clones of the
    /// detector until one of them changes it (copy on write: a step without a release copies
    /// nothing).
    pub(super) syncs: Rc<BTreeMap<SyncVar, VClock>>,
    /// Shadow state of each accessed location; the table and each entry are shared between
    /// clones until one of them changes it (a step copies the table's pointers and the
    /// entries it records an access in, not every location's accesses and stacks).
    pub(super) vars: Rc<BTreeMap<Loc, Rc<VarState>>>,
    /// Locations already reported.
    pub(super) reported_locs: BTreeSet<Loc>,
    /// Stack pairs already reported (both orders are inserted).
    pub(super) reported_stacks: BTreeSet<(StackKey, StackKey)>,
    /// Every report so far, in the order found.
    pub(super) reports: Vec<RaceReport>,
    /// Go's number for the next goroutine created.
    next_number: u64,
    /// The first timer fired: the race runtime's timer context took a goroutine number (Go
    /// 1.19's `timerRaceCtx`, made on the first timer run), so later goroutines get the next.
    timer_ctx: bool,
}

impl Detector {
    /// A detector that has seen nothing.
    pub fn new(config: DetectorConfig) -> Detector {
        Detector {
            clocks: CowVec::new(),
            goroutines: CowVec::new(),
            syncs: Rc::default(),
            vars: Rc::default(),
            reported_locs: BTreeSet::new(),
            reported_stacks: BTreeSet::new(),
            next_number: config.first_goroutine_id,
            timer_ctx: false,
            reports: Vec::new(),
            config,
        }
    }

    /// Go's number of `gid`: 1 for main, then in creation order, skipping the runtime's timer
    /// goroutines but counting the timer context once a timer fired.
    fn go_number(&self, gid: Gid) -> u64 {
        match self.goroutines.get(gid.0 as usize).and_then(|g| g.number) {
            Some(n) => n,
            None => self.config.go_id(gid),
        }
    }

    /// Every race reported so far, in the order found.
    pub fn reports(&self) -> &[RaceReport] {
        &self.reports
    }

    /// The current clock of `gid` (for tests and the visualizer).
    pub fn clock(&self, gid: Gid) -> VClock {
        self.clocks
            .get(gid.0 as usize)
            .map(|c| VClock::clone(c))
            .unwrap_or_default()
    }

    fn ensure(&mut self, gid: Gid) {
        let i = gid.0 as usize;
        while self.clocks.len() <= i {
            let id = Gid(self.clocks.len() as u32);
            let mut c = VClock::new();
            c.set(id, 1);
            self.clocks.push(Rc::new(c));
            self.goroutines.push(Rc::default());
        }
    }

    /// Process all events of one machine step. A step with events of two goroutines is a
    /// rendezvous on an unbuffered channel (each side `[Release(slot), Acquire(slot)]`): both
    /// sides' releases are applied first, so each side acquires what the other did before the
    /// step (send → receive completes, and receive → send completes).
    pub fn observe_step(&mut self, events: &[Event]) -> Vec<RaceReport> {
        let rendezvous = events.windows(2).any(|w| w[0].gid != w[1].gid);
        if rendezvous {
            for e in events {
                self.ensure(e.gid);
                let c = Rc::clone(&self.clocks[e.gid.0 as usize]);
                for effect in &e.effects {
                    if let Effect::Release(var) = effect {
                        self.release_into(var, &c);
                    }
                }
            }
        }
        let mut found = Vec::new();
        for e in events {
            found.extend(self.observe(e));
        }
        found
    }

    /// Process one event; returns the races it revealed (also kept in [`Detector::reports`]).
    pub fn observe(&mut self, event: &Event) -> Vec<RaceReport> {
        let gid = event.gid;
        self.ensure(gid);
        let mut found = Vec::new();
        let iterating = match &event.op {
            Op::MapIterate { map, .. } => self.goroutines[gid.0 as usize].iterating == Some(*map),
            _ => false,
        };
        let runtime_frame = RuntimeFrame::for_op(&event.op, iterating).map(Rc::new);
        if self.goroutines[gid.0 as usize].runtime && !self.timer_ctx {
            self.timer_ctx = true;
            self.next_number += 1;
        }
        // A test binary's example starts: the goroutine copying its stdout takes a number.
        if matches!(&event.op, Op::Runtime { call, .. }
            if *call == crate::bytecode::LibFunc::TestingExampleStart.spec().name)
        {
            self.next_number += 1;
        }
        for effect in &event.effects {
            match effect {
                Effect::Read(loc) | Effect::Write(loc) | Effect::FinalRead(loc) => {
                    let write = matches!(effect, Effect::Write(_));
                    // A final read is checked, not recorded: no later access races with it.
                    let record = !matches!(effect, Effect::FinalRead(_));
                    let frame = match (loc, RuntimeFrame::for_loc(loc, write)) {
                        // User code loads and stores a map element: user frames only; so
                        // do `fmt`'s reads of what it prints, but for a map's `maplen`.
                        (Loc::MapSlot(..), _) => None,
                        (Loc::Heap(_), _)
                            if matches!(event.op, Op::Print { .. } | Op::FileWait { .. }) =>
                        {
                            None
                        }
                        (_, Some(f)) => Some(Rc::new(f)),
                        (_, None) => runtime_frame.clone(),
                    };
                    let r = self.access(gid, loc, write, false, record, &event.stack, &frame);
                    found.extend(r);
                }
                Effect::Atomic {
                    loc,
                    write,
                    exclusive,
                } => {
                    let r = self.access(
                        gid,
                        loc,
                        *write,
                        true,
                        !*exclusive,
                        &event.stack,
                        &runtime_frame,
                    );
                    found.extend(r);
                }
                Effect::Acquire(var) => {
                    // Nothing to copy when the clock knows the release clock already.
                    if let Some(l) = self.syncs.get(var) {
                        if !l.le(&self.clocks[gid.0 as usize]) {
                            Rc::make_mut(&mut self.clocks[gid.0 as usize]).join(l);
                        }
                    }
                }
                Effect::Release(var) => {
                    let c = Rc::clone(&self.clocks[gid.0 as usize]);
                    self.release_into(var, &c);
                    Rc::make_mut(&mut self.clocks[gid.0 as usize]).tick(gid);
                }
                Effect::Spawn(child) => {
                    self.ensure(*child);
                    let parent = Rc::clone(&self.clocks[gid.0 as usize]);
                    let c = Rc::make_mut(&mut self.clocks[child.0 as usize]);
                    c.join(&parent);
                    c.set(*child, c.get(*child).max(1));
                    Rc::make_mut(&mut self.clocks[gid.0 as usize]).tick(gid);
                    let info = Rc::make_mut(&mut self.goroutines[child.0 as usize]);
                    info.created_at = Some(event.stack.clone());
                    if matches!(event.op, Op::Timer { .. }) {
                        info.runtime = true;
                    } else if info.number.is_none() && *child != Gid::MAIN {
                        info.number = Some(self.next_number);
                        self.next_number += 1;
                    }
                }
            }
        }
        let iterating = match &event.op {
            Op::MapIterate { map, key: Some(_) } => Some(*map),
            _ => None,
        };
        let exit = matches!(event.op, Op::Exit);
        let info = &self.goroutines[gid.0 as usize];
        if info.iterating != iterating || (exit && !info.finished) {
            let info = Rc::make_mut(&mut self.goroutines[gid.0 as usize]);
            info.iterating = iterating;
            info.finished |= exit;
        }
        self.reports.extend(found.iter().cloned());
        found
    }

    /// `L_var ⊔= c` (copying the shared table only when that changes it).
    fn release_into(&mut self, var: &SyncVar, c: &VClock) {
        if self.syncs.get(var).is_some_and(|l| c.le(l)) {
            return;
        }
        Rc::make_mut(&mut self.syncs)
            .entry(var.clone())
            .or_default()
            .join(c);
    }

    /// Check one access against the shadow state of `loc`, record it (unless `record` is false:
    /// an atomic access no later access can race with, `Effect::Atomic::exclusive`), and report
    /// the first race.
    fn access(
        &mut self,
        gid: Gid,
        loc: &Loc,
        write: bool,
        atomic: bool,
        record: bool,
        stack: &Stack,
        runtime_frame: &Option<Rc<RuntimeFrame>>,
    ) -> Option<RaceReport> {
        let clock = &self.clocks[gid.0 as usize];
        let now = Access {
            epoch: clock.epoch(gid),
            write,
            atomic,
            stack: stack.clone(),
            runtime_frame: runtime_frame.clone(),
        };
        // An empty shadow state is like none (no entry is kept for it: nothing reads one).
        let empty = VarState::default();
        let var: &VarState = self.vars.get(loc).map_or(&empty, |v| v);
        let unordered = |a: &Access| a.epoch.gid != gid && !a.epoch.happens_before(clock);

        // Find the first conflicting earlier access, TSan-style: writes before reads.
        let mut racing: Option<Access> = None;
        if let Some(w) = &var.write {
            if unordered(w) {
                racing = Some(w.clone());
            }
        }
        if racing.is_none() && write && !atomic {
            racing = match &var.reads {
                Reads::None => None,
                Reads::Epoch(r) => unordered(r).then(|| r.clone()),
                Reads::Shared(rs) => rs.values().find(|r| unordered(r)).cloned(),
            };
        }
        if racing.is_none() && !atomic {
            racing = var
                .atomics
                .values()
                .find(|a| (write || a.write) && unordered(a))
                .cloned();
        }
        if racing.is_none() && atomic && write {
            racing = match &var.reads {
                Reads::None => None,
                Reads::Epoch(r) => unordered(r).then(|| r.clone()),
                Reads::Shared(rs) => rs.values().find(|r| unordered(r)).cloned(),
            };
        }

        // Record the access, except that an access by the same goroutine since its last
        // release, no stronger than one already recorded (a read after its read or write, a
        // write after its write), is not recorded again: ThreadSanitizer's `ContainsSameAccess`
        // keeps the first, so Go reports the first such access's stack (a range loop's read at
        // `mapiterinit`, not at a later `mapiternext`).
        let same_epoch = |a: &Access| a.epoch == now.epoch;
        let already = !atomic
            && (var.write.as_ref().is_some_and(same_epoch)
                && (!write || var.reads.is_none() && var.atomics.is_empty())
                || !write
                    && match &var.reads {
                        Reads::None => false,
                        Reads::Epoch(r) => same_epoch(r),
                        Reads::Shared(rs) => rs.get(&gid).is_some_and(same_epoch),
                    });
        if already || !record {
            // Recorded already (see above), or not to be recorded.
            let previous = racing?;
            return self.report(loc, &now, &previous);
        }
        let var = Rc::make_mut(Rc::make_mut(&mut self.vars).entry(loc.clone()).or_default());
        if atomic {
            // A goroutine's last atomic read and last atomic write are both kept (TSan keeps a
            // write's shadow cell when the same thread then reads): a plain read races with
            // the atomic write, not with the read after it, so the read must not replace it.
            // A write subsumes the goroutine's earlier read.
            if write {
                var.atomics.remove(&(gid, false));
            }
            var.atomics.insert((gid, write), now.clone());
        } else if write {
            var.write = Some(now.clone());
            var.reads = Reads::None;
            var.atomics.clear();
        } else {
            var.reads = match std::mem::take(&mut var.reads) {
                Reads::None => Reads::Epoch(now.clone()),
                Reads::Epoch(r) if r.epoch.gid == gid || r.epoch.happens_before(clock) => {
                    Reads::Epoch(now.clone())
                }
                Reads::Epoch(r) => {
                    let mut rs = BTreeMap::new();
                    rs.insert(r.epoch.gid, r);
                    rs.insert(gid, now.clone());
                    Reads::Shared(rs)
                }
                Reads::Shared(mut rs) => {
                    rs.insert(gid, now.clone());
                    Reads::Shared(rs)
                }
            };
        }

        let previous = racing?;
        self.report(loc, &now, &previous)
    }

    /// Build the report for a race unless Go would suppress it.
    fn report(&mut self, loc: &Loc, now: &Access, previous: &Access) -> Option<RaceReport> {
        if self.reported_locs.contains(loc) {
            return None;
        }
        let key_now = stack_key(now);
        let key_prev = stack_key(previous);
        if self
            .reported_stacks
            .contains(&(key_now.clone(), key_prev.clone()))
        {
            return None;
        }
        self.reported_locs.insert(loc.clone());
        self.reported_stacks
            .insert((key_prev.clone(), key_now.clone()));
        self.reported_stacks.insert((key_now, key_prev));

        let sm = &self.config.source_map;
        let side = |a: &Access| {
            RaceAccess::new(
                a.epoch.gid,
                self.go_number(a.epoch.gid),
                a.write,
                a.atomic,
                a.runtime_frame.as_deref(),
                &a.stack,
                sm,
                self.config.testmain_line,
            )
        };
        let current = side(now);
        let previous_side = side(previous);
        let mut creations = Vec::new();
        for g in [now.epoch.gid, previous.epoch.gid] {
            if g == Gid::MAIN {
                continue;
            }
            let info = &self.goroutines[g.0 as usize];
            let frames = match &info.created_at {
                Some(stack) => ReportFrame::from_stack(stack, sm, self.config.testmain_line),
                None => Vec::new(),
            };
            creations.push(GoroutineCreation {
                go_id: self.go_number(g),
                finished: g != now.epoch.gid && info.finished,
                frames,
            });
        }
        Some(RaceReport {
            loc: loc.clone(),
            address: fake_address(loc),
            current,
            previous: previous_side,
            creations,
        })
    }
}

pub(super) fn stack_key(a: &Access) -> StackKey {
    let mut key: StackKey = a
        .stack
        .iter()
        .map(|f| (f.func.0, f.span.lo, f.span.hi))
        .collect();
    if let Some(r) = &a.runtime_frame {
        key.push((u32::MAX, r.line, r.name.len() as u32));
    }
    key
}
