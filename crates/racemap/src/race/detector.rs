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

use crate::bytecode::future::Classes;
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
}

impl DetectorConfig {
    /// Defaults for a source map: goroutines numbered as in a typical `go run -race` (7, 8, …).
    pub fn new(source_map: Rc<SourceMap>) -> DetectorConfig {
        DetectorConfig {
            source_map,
            first_goroutine_id: 7,
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
struct Access {
    /// When (and by whom).
    epoch: Epoch,
    /// A write rather than a read.
    write: bool,
    /// An atomic access.
    atomic: bool,
    /// The stack at the access.
    stack: Stack,
    /// The runtime frame Go shows for it (map operations, atomics).
    runtime_frame: Option<Rc<RuntimeFrame>>,
}

/// Plain reads of a location since its last plain write.
#[derive(Clone, Debug, Default)]
enum Reads {
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
struct VarState {
    /// The last plain write. Invariant: every earlier plain write happens before it or was
    /// reported as racing with it.
    write: Option<Access>,
    /// Plain reads since `write`.
    reads: Reads,
    /// The last atomic read and the last atomic write (stores and read-modify-writes) of each
    /// goroutine since the last plain write, by (goroutine, write).
    atomics: BTreeMap<(Gid, bool), Access>,
}

/// What the detector knows about a goroutine besides its clock.
#[derive(Clone, Debug, Default)]
struct GoroutineInfo {
    /// The stack of the `go` statement that created it (`None` for main).
    created_at: Option<Stack>,
    /// It exited.
    finished: bool,
    /// The map its last step iterated over (to tell `mapiterinit` from `mapiternext`).
    iterating: Option<MapId>,
    /// Go's number, given in creation order (`None` for main and runtime timer goroutines).
    number: Option<u64>,
    /// A runtime goroutine firing a timer (`rt::timer`; armed by an `Op::Timer` step).
    runtime: bool,
}

/// A key identifying a stack for `suppress_equal_stacks`: function and position of each frame.
type StackKey = Vec<(u32, u32, u32)>;

/// The race detector's whole state. `Clone` so the explorer can branch it with the machine.
#[derive(Clone, Debug)]
pub struct Detector {
    /// Numbering and positions.
    config: DetectorConfig,
    /// `C_t` of each goroutine, by id; shared between the explorer's clones of the detector
    /// until one of them changes it (a step changes one or two clocks; the vector is
    /// persistent, so a clone per search node costs what its step changed, not a pointer per
    /// goroutine).
    clocks: CowVec<Rc<VClock>>,
    /// Goroutine facts for reports, by id; shared between the explorer's clones like `clocks`.
    goroutines: CowVec<Rc<GoroutineInfo>>,
    /// `L_s` of each sync variable: the table and each clock shared between the explorer's
    /// clones of the detector until one of them changes it (a step changes one or two clocks,
    /// many steps none).
    syncs: Rc<BTreeMap<SyncVar, Rc<VClock>>>,
    /// Shadow state of each accessed location, shared between clones like `syncs`.
    vars: Rc<BTreeMap<Loc, Rc<VarState>>>,
    /// Locations already reported.
    reported_locs: BTreeSet<Loc>,
    /// Stack pairs already reported (both orders are inserted).
    reported_stacks: BTreeSet<(StackKey, StackKey)>,
    /// Every report so far, in the order found.
    reports: Vec<RaceReport>,
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
                        Rc::make_mut(
                            Rc::make_mut(&mut self.syncs)
                                .entry(var.clone())
                                .or_default(),
                        )
                        .join(&c);
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
        for effect in &event.effects {
            match effect {
                Effect::Read(loc) | Effect::Write(loc) => {
                    let write = matches!(effect, Effect::Write(_));
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
                    let r = self.access(gid, loc, write, false, true, &event.stack, &frame);
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
                    if let Some(l) = self.syncs.get(var) {
                        let l = Rc::clone(l);
                        Rc::make_mut(&mut self.clocks[gid.0 as usize]).join(&l);
                    }
                }
                Effect::Release(var) => {
                    let c = Rc::clone(&self.clocks[gid.0 as usize]);
                    Rc::make_mut(
                        Rc::make_mut(&mut self.syncs)
                            .entry(var.clone())
                            .or_default(),
                    )
                    .join(&c);
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
        let var = Rc::make_mut(Rc::make_mut(&mut self.vars).entry(loc.clone()).or_default());
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
        } else if atomic {
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
                Some(stack) => ReportFrame::from_stack(stack, sm),
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

fn stack_key(a: &Access) -> StackKey {
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

/// The level of one clock value `v` of component `t` in the canonical form
/// ([`Detector::hash_canonical`]): how many of `t`'s recorded access epochs (`live`, sorted,
/// distinct) are at most `v`. `top` is `C_t[t]` (`None` when `t` has no clock yet: then every
/// value of the component is 0). A value at or above `top` outside `C_t` breaks the invariant the
/// form relies on; it is then kept apart from every level (`u32::MAX - 1` and its distance).
fn level(live: &[u32], top: Option<u32>, v: u32) -> u64 {
    match top {
        Some(top) if v >= top => (1 << 32) + u64::from(v - top),
        _ => live.partition_point(|a| *a <= v) as u64,
    }
}

impl Detector {
    /// Feed `h` what decides this detector's future verdicts, in a canonical form: two
    /// detectors fed the same one report a race on exactly the same future accesses (the
    /// explorer's state caching, `explore::stateful`). Once a race was reported, only that fact
    /// is fed unless `keep_reports` (a test counts the races reported during it: then the
    /// suppression sets and the stacks they compare are fed too).
    ///
    /// Why the form is exact. Between two steps, for every goroutine `t`, `C_t[t]` ("top") is
    /// larger than component `t` of every other clock (`L_s` and `C_u`): `t` exports its clock
    /// only by a release or a spawn, and advances its own entry right after; and every recorded
    /// access epoch of `t` is at most top (it is `C_t[t]` when made). Verdicts read clock values
    /// of component `t` only through `a ≤ v` with `a` an access epoch of `t` and `v` in another
    /// goroutine's clock (`unordered`, the read-shared rule: both skip `t`'s own clock), and
    /// through `a == (t, top)` (`same_epoch`). Joins take maxima, a release or spawn advances
    /// top past everything, a new access epoch is top, accesses are dropped when overwritten.
    /// So a value `v < top` of component `t` matters only through how many of `t`'s recorded
    /// access epochs are at most `v` (its level; joins give the maximum level), top only as
    /// "top", and an access epoch through its rank among `t`'s (or "top" when it equals top).
    /// Mapping every value to that is a bisimulation: the successor's form is a function of
    /// the predecessor's form and the step, and the verdicts of the step are too. Left out:
    /// what only a report's text uses (stacks, runtime frames, creation sites, Go numbers,
    /// `iterating`), the clocks of exited goroutines (no event of theirs follows), and, before
    /// any report, the (then empty) suppression sets.
    ///
    /// Dead accesses are left out, as if never recorded: those no future access can race
    /// with. An access of goroutine `g` at epoch `e` is dead when every goroutine `u ≠ g`
    /// that has not exited either knows it (`C_u[g] ≥ e`: clocks only grow) or, by `futures`
    /// (what each goroutine may still do, its future goroutines included: `bytecode::future`),
    /// can make no access of the kind that races with it (a read of a map nobody may write
    /// any more). A goroutine created later starts from its creator's clock and is in its
    /// creator's future. Two states with the same machine state and forms that differ only in
    /// dead accesses give the same verdicts on every continuation.
    pub fn hash_canonical<H: std::hash::Hasher>(
        &self,
        h: &mut H,
        keep_reports: bool,
        futures: Option<&[Classes]>,
    ) {
        use std::hash::Hash;
        let reported = !self.reports.is_empty();
        reported.hash(h);
        if reported && !keep_reports {
            return;
        }
        let n = self.clocks.len();
        let tops: Vec<u32> = (0..n).map(|t| self.clocks[t].get(Gid(t as u32))).collect();
        let top = |t: usize| tops.get(t).copied();
        let unfinished: Vec<usize> = (0..n).filter(|&t| !self.goroutines[t].finished).collect();
        let dead = |loc: &Loc, a: &Access| {
            let g = a.epoch.gid;
            let races = racing_classes(loc, a);
            unfinished.iter().all(|&u| {
                u == g.0 as usize
                    || self.clocks[u].get(g) >= a.epoch.clock
                    || futures.is_some_and(|f| f.get(u).is_some_and(|c| !c.any(races)))
            })
        };
        let mut live: Vec<Vec<u32>> = vec![Vec::new(); n];
        for (loc, var) in self.vars.iter() {
            for a in var_accesses(var).filter(|a| !dead(loc, a)) {
                if let Some(l) = live.get_mut(a.epoch.gid.0 as usize) {
                    l.push(a.epoch.clock);
                }
            }
        }
        for l in &mut live {
            l.sort_unstable();
            l.dedup();
        }
        let no_live: &[u32] = &[];
        let live_of = |t: usize| live.get(t).map_or(no_live, |l| l.as_slice());
        // A clock: its entries' levels, the owner's own entry as "top", trailing zeros dropped
        // (a missing entry is 0, whose level is 0).
        // Entries of level 0 at the end are dropped too: a value below every live access
        // epoch of its goroutine is as good as 0.
        let clock = |h: &mut H, c: &VClock, owner: Option<usize>| {
            let levels: Vec<u64> = (0..c.len_trimmed())
                .map(|t| {
                    if Some(t) == owner {
                        u64::MAX
                    } else {
                        level(live_of(t), top(t), c.get(Gid(t as u32)))
                    }
                })
                .collect();
            let len = levels.iter().rposition(|l| *l != 0).map_or(0, |i| i + 1);
            levels[..len].hash(h);
        };
        let access = |h: &mut H, a: &Access| {
            let t = a.epoch.gid.0 as usize;
            a.epoch.gid.hash(h);
            if top(t) == Some(a.epoch.clock) {
                u64::MAX.hash(h);
            } else {
                level(live_of(t), top(t), a.epoch.clock).hash(h);
            }
            a.write.hash(h);
            a.atomic.hash(h);
            if keep_reports {
                stack_key(a).hash(h);
            }
        };
        n.hash(h);
        for (t, c) in self.clocks.iter().enumerate() {
            // An exited goroutine makes no more accesses and releases nothing: its clock is
            // dead (its top still tells its access epochs apart, above).
            let finished = self.goroutines[t].finished;
            finished.hash(h);
            if !finished {
                clock(h, c, Some(t));
            }
        }
        self.syncs.len().hash(h);
        for (var, c) in self.syncs.iter() {
            var.hash(h);
            clock(h, c, None);
        }
        // Locations with a live access. A dead read in epoch form is like no read (the next
        // read replaces either); a read-shared set keeps its form, with its live reads.
        for (loc, var) in self.vars.iter() {
            let write = var.write.as_ref().filter(|w| !dead(loc, w));
            let reads: Vec<&Access> = match &var.reads {
                Reads::None => Vec::new(),
                Reads::Epoch(r) => Some(r).filter(|r| !dead(loc, r)).into_iter().collect(),
                Reads::Shared(rs) => rs.values().filter(|r| !dead(loc, r)).collect(),
            };
            let atomics: Vec<&Access> = var.atomics.values().filter(|a| !dead(loc, a)).collect();
            let shared = matches!(var.reads, Reads::Shared(_));
            if write.is_none() && reads.is_empty() && atomics.is_empty() && !shared {
                continue;
            }
            loc.hash(h);
            write.is_some().hash(h);
            if let Some(w) = write {
                access(h, w);
            }
            shared.hash(h);
            reads.len().hash(h);
            for r in reads {
                access(h, r);
            }
            atomics.len().hash(h);
            for a in atomics {
                access(h, a);
            }
        }
        u8::MAX.hash(h);
        if keep_reports {
            self.reports.len().hash(h);
            self.reported_locs.hash(h);
            self.reported_stacks.hash(h);
            for g in &self.goroutines {
                g.iterating.hash(h);
            }
        }
    }
}

/// The kinds of operation (`bytecode::future`) whose accesses may race with `a`, an access of
/// `loc`: a write with any plain access of its location, a read with writes, an atomic access
/// with plain ones; [`Classes::TOP`] is anything.
fn racing_classes(loc: &Loc, a: &Access) -> Classes {
    let kinds = match loc {
        Loc::Heap(_) if a.atomic => Classes::MEM_READ.union(Classes::MEM_WRITE),
        Loc::Heap(_) if a.write => Classes::MEM_READ
            .union(Classes::MEM_WRITE)
            .union(Classes::ATOMIC_MEM),
        Loc::Heap(_) => Classes::MEM_WRITE.union(Classes::ATOMIC_MEM),
        Loc::Map(_) | Loc::MapSlot(..) if a.write => Classes::MAP_READ.union(Classes::MAP_WRITE),
        Loc::Map(_) | Loc::MapSlot(..) => Classes::MAP_WRITE,
        // A close (a write) races with every send and close; a send (a read) with closes.
        Loc::Chan(_) if a.write => Classes::CHAN,
        Loc::Chan(_) => Classes::CHAN_CLOSE,
        Loc::WaitGroupSema(_) => Classes::SYNC,
    };
    kinds.union(Classes::TOP)
}

/// Every access recorded for one location.
fn var_accesses(var: &VarState) -> impl Iterator<Item = &Access> {
    let reads: Vec<&Access> = match &var.reads {
        Reads::None => Vec::new(),
        Reads::Epoch(r) => vec![r],
        Reads::Shared(rs) => rs.values().collect(),
    };
    var.write.iter().chain(reads).chain(var.atomics.values())
}
