//! Persistent sets of one move for the goroutine machine (Godefroid, "Partial-Order Methods for
//! the Verification of Concurrent Systems", LNCS 1032, 1996, ch. 4; Valmari's stubborn sets):
//! a goroutine's next step is a persistent set by itself when it commutes with every step that
//! every other goroutine can still make, whatever they do first. A search may then explore that
//! step alone from the state: every run from the state is equivalent to one that makes it first.
//!
//! What the others can still do comes from the program's static future (`bytecode::future`):
//! for each live goroutine, the union over its frames of what the code may do from the frame's
//! point on, what its pending deferred calls may do, and the footprint of its parked operation.
//! A candidate step touches only plain memory (no sync object inside the region it reads or
//! writes), maps, or goroutine creation, or is a goroutine's exit; its classes must not
//! conflict with any other goroutine's future. A step on channels is judged per channel
//! object (`target::chan_reach`): the goroutines that can reach its channels must be blocked
//! on them, the others' futures must not conflict with the rest of its footprint.
//!
//! Programs that sleep or arm timers have static futures too. A sleeper's future is its
//! wake-up ([`Classes::CLOCK`]: the clock, or in virtual time order the scheduler's idleness)
//! and what its frames do after it; a timer's runtime goroutine's is its fire's
//! (`target::timer_futures`); arming a timer holds the runtime goroutine it starts
//! (`bytecode::future`). A candidate touches neither the clock nor the idleness, and commutes
//! with every wake-up: in virtual time order no wake-up comes while the candidate's goroutine
//! can move (a run from the state makes the step before any wake-up), in any-time order a
//! wake-up only raises the clock. A wake-up or a fire is never a candidate itself: which
//! sleeps an outcome cuts short is a property of its path.
//!
//! A goroutine blocked on a lock the step's goroutine holds (a mutex, an RWMutex's write lock or
//! one of its read locks a writer waits for) cannot move before it does when the program
//! releases every lock in the function that took it (`bytecode::mutex_pairing`): its future is
//! left out, so the steps of a critical section commute with the goroutines queued for it.
//!
//! A goroutine that holds every lock keeps the others short of their next lock
//! (`target::lock_holder`): their futures up to it are what its step must commute with.
//!
//! Ending the run is not a conflict here: a candidate step has no output and runs in a program
//! that is not a test (no leak check, no count of races), so a run that ends before the step
//! was made has the outcome of the run that makes it first, *unless the step itself reports the
//! run's first race or ends the run*; the search checks that once the step is made
//! (`explore::stateful`), and explores the other moves too if so.
//!
//! A goroutine's exit (not main's, not a crash) needs no future: it touches nothing another
//! goroutine reads, so it is a candidate in a test too, where the static future does not
//! apply. Nothing a test's outcome reads depends on when it happens: a goroutine about to exit
//! is runnable and one that exited is done, so the leak check counts neither, and an exit
//! reports no race. In a test binary this matters most: the goroutines of one test still about
//! to exit when the next one starts would otherwise make the next test be searched once per
//! set of them.

use super::chan_reach;
use super::footprint::{Footprint, Resource};
use super::Target;
use crate::bytecode::future::{Barrier, Classes, Futures};
use crate::library::{LibFunc, Owner};
use crate::rt::event::Gid;
use crate::rt::goroutine::{Deferred, FrameKind, GoStatus, Goroutine, Visible};
use crate::rt::machine::Machine;
use crate::rt::rwmutex::WriterPhase;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{Pointer, Value};

/// Above this many goroutines (ever created) a step is not checked: the check reads every
/// goroutine's future, which would make each step of a goroutine bomb cost its size.
const MAX_GOROUTINES: usize = 256;

/// [`MAX_GOROUTINES`] where the explorer's key is symmetric (`rt::machine::symmetry`): its
/// searches of many interchangeable goroutines reach a few states per goroutine (one move
/// stands for theirs: `explore::stateful::symmetry`), so a check per state costs about a
/// goroutine bomb's step, and a search of 1 000 `sync.Cond` waiters completes (2026-12-07:
/// 5 000 states, 300 MB).
const MAX_SYMMETRIC_GOROUTINES: usize = 1024;

impl Machine {
    /// The most goroutines (ever created) for which steps are checked and futures given (see
    /// [`MAX_GOROUTINES`], [`MAX_SYMMETRIC_GOROUTINES`]).
    pub(crate) fn max_futures_goroutines(&self) -> usize {
        if self.symmetry_applies() {
            MAX_SYMMETRIC_GOROUTINES
        } else {
            MAX_GOROUTINES
        }
    }

    /// The program's static future, computed once for this machine and its clones; `None`
    /// for a test (see the module docs).
    pub(super) fn futures(&self) -> Option<&Futures> {
        self.futures
            .get_or_init(|| (!self.program.runs_test()).then(|| Futures::of(&self.program)))
            .as_ref()
    }

    /// A step with footprint `footprint` made by `gid` now commutes with everything every other
    /// goroutine may still do (see the module docs); `goroutine_futures` is
    /// [`Machine::goroutine_futures`] of this state.
    pub(crate) fn commutes_with_futures(
        &self,
        gid: Gid,
        footprint: &Footprint,
        goroutine_futures: &[Classes],
    ) -> bool {
        if self.goroutines.len() > self.max_futures_goroutines() {
            return false;
        }
        // A goroutine's exit commutes with every step of every other goroutine but those that
        // count the goroutines (`runtime.NumGoroutine`, a scheduler call: [`Classes::TOP`] in
        // a future), and in a test changes nothing an outcome reads either (a goroutine about
        // to exit is runnable, one that exited is done: neither is leaked; an exit reports no
        // race).
        if footprint.goroutine_exit && footprint.resources.is_empty() {
            if goroutine_futures.len() != self.goroutines.len() {
                // No futures (a test): only a program that never counts its goroutines.
                return !self.counts_goroutines();
            }
            return self.goroutines.iter().enumerate().all(|(i, g)| {
                i == gid.0 as usize
                    || !g.is_live()
                    || !goroutine_futures
                        .get(i)
                        .copied()
                        .unwrap_or(Classes::TOP)
                        .any(Classes::TOP)
            });
        }
        let Some(futures) = self.futures() else {
            return false;
        };
        // A sleeper's wake-up or a timer's fire is never explored alone: which sleeps an
        // outcome cuts short is a property of its path (`explore::outcome`'s `EarlyWake`).
        if self
            .goroutines
            .get(gid.0 as usize)
            .is_none_or(|g| g.runtime || !matches!(g.status, GoStatus::Parked))
        {
            return false;
        }
        // A `wg.Done()` or its wake-up step where nothing else can tell when it happens
        // (`target::wait_group_steps`).
        if let Some(alone) = self.wait_group_step_alone(gid, footprint, goroutine_futures) {
            return alone;
        }
        // A channel step: judged per channel object (`target::chan_reach`).
        if chan_reach::touches_chans(footprint) {
            // (The footprint is neither global nor an exit: `touches_chans`.)
            let Some(rest) = self.resource_classes(chan_reach::without_chans(footprint)) else {
                return false;
            };
            let paired = futures.unlocks_paired();
            return self.chan_step_alone(
                gid,
                footprint,
                rest,
                goroutine_futures,
                futures.liveness(),
                &|g| paired && self.waits_for(g, gid),
            );
        }
        let Some(mine) = self.candidate_classes(footprint) else {
            return false;
        };
        if mine == Classes::NONE {
            return true;
        }
        // Whether `gid` holds every lock (asked only when a future conflicts).
        let mut holds_all: Option<bool> = None;
        self.goroutines.iter().enumerate().all(|(i, g)| {
            i == gid.0 as usize
                || !g.is_live()
                || (futures.unlocks_paired() && self.waits_for(g, gid))
                || !mine.conflicts_with(goroutine_futures.get(i).copied().unwrap_or(Classes::TOP))
                || (*holds_all.get_or_insert_with(|| self.holds_every_lock(gid, goroutine_futures))
                    && !mine.conflicts_with(self.future_before_lock(Gid(i as u32), g, futures)))
        })
    }

    /// What each goroutine may still do, by id ([`Classes::NONE`] for one that exited); `None`
    /// where the static future does not apply (a test) or for more
    /// than [`Machine::max_futures_goroutines`] goroutines.
    pub(crate) fn goroutine_futures(&self) -> Option<Vec<Classes>> {
        self.goroutine_futures_with(&mut |gid| Target::footprint(self, gid))
    }

    /// [`Machine::goroutine_futures`], with `footprint` giving [`Target::footprint`] of this
    /// state (a caller that keeps the state's footprints computes each once).
    pub(crate) fn goroutine_futures_with(
        &self,
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Option<Vec<Classes>> {
        if self.goroutines.len() > self.max_futures_goroutines() {
            return None;
        }
        let futures = self.futures()?;
        Some(
            self.goroutines
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    if g.is_live() {
                        self.goroutine_future(Gid(i as u32), g, futures, Barrier::None, footprint)
                    } else {
                        Classes::NONE
                    }
                })
                .collect(),
        )
    }

    /// `g` is blocked on a lock that only `holder` can let it take when every unlock is paired:
    /// `Lock` of a mutex `holder` locked; `RLock` or `Lock` of an RWMutex whose writer is
    /// `holder`, or a pending writer waiting for `holder`'s read lock; a writer's second step
    /// waiting for `holder`'s read lock.
    fn waits_for(&self, g: &Goroutine, holder: Gid) -> bool {
        let (func, p) = match &g.next {
            Some(Visible::Lib { func, args, .. }) => match args.first() {
                Some(Value::Ptr(Some(p))) => (Some(*func), p),
                _ => return false,
            },
            Some(Visible::RwLockFinish(p)) => (None, p),
            _ => return false,
        };
        match (func, self.heap.sync(p)) {
            (Some(LibFunc::MutexLock), Ok(SyncState::Mutex(m))) => m.holder() == Some(holder),
            (Some(LibFunc::RwMutexRLock | LibFunc::RwMutexLock), Ok(SyncState::RwMutex(rw))) => {
                match rw.writer() {
                    WriterPhase::None => false,
                    WriterPhase::Active => rw.writer_gid() == Some(holder),
                    WriterPhase::Pending => {
                        rw.writer_gid() == Some(holder) || rw.reader_holders().contains(&holder)
                    }
                }
            }
            (None, Ok(SyncState::RwMutex(rw))) => rw.reader_holders().contains(&holder),
            _ => false,
        }
    }

    /// The classes of a candidate step, `None` for a step that is not one.
    fn candidate_classes(&self, footprint: &Footprint) -> Option<Classes> {
        if footprint.goroutine_exit && footprint.resources.is_empty() {
            return Some(Classes::NONE);
        }
        if footprint.global || footprint.main_exit {
            return None;
        }
        self.resource_classes(footprint.resources.iter())
    }

    /// The classes of a candidate's `resources` (see [`Machine::candidate_classes`]); `None`
    /// when one is not a candidate's.
    fn resource_classes<'r>(
        &self,
        resources: impl Iterator<Item = &'r (Resource, bool)>,
    ) -> Option<Classes> {
        let mut classes = Classes::NONE;
        for (resource, write) in resources {
            classes = classes.union(match (resource, write) {
                (Resource::Memory(p), w) => {
                    let plain = self.heap.get(p).is_ok_and(|v| !holds_sync(v));
                    if !plain {
                        return None;
                    }
                    if *w {
                        Classes::MEM_WRITE
                    } else {
                        Classes::MEM_READ
                    }
                }
                (Resource::Map(_), true) => Classes::MAP_WRITE,
                (Resource::Map(_), false) => Classes::MAP_READ,
                (Resource::Spawn | Resource::GoId, _) => Classes::SPAWN,
                _ => return None,
            });
        }
        Some(classes)
    }

    /// What goroutine `g` (`gid`) may still do before it takes a `barrier` lock
    /// (`footprint`: [`Target::footprint`] here).
    pub(super) fn goroutine_future(
        &self,
        gid: Gid,
        g: &Goroutine,
        futures: &Futures,
        barrier: Barrier,
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
    ) -> Classes {
        self.goroutine_future_apart(gid, g, futures, barrier, footprint, None, None)
    }

    /// [`Machine::goroutine_future`]; with `dones`, the `Done`s of a WaitGroup already on
    /// their way are set apart: its registered deferred `wg.Done()`s and a `Done` that is its
    /// next operation push the WaitGroup's address to `dones` instead of adding their classes
    /// (each lowers that counter once; `target::wait_guards`). With `unknown_dones` too, a
    /// frame whose code from its point on lowers a counter at most once and only by a
    /// `wg.Done()` (`Futures::at_most_one_done`) adds one to it instead of its
    /// [`Classes::WG_DEC`]: a `Done` on its way to some WaitGroup (`target::wait_group_steps`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn goroutine_future_apart(
        &self,
        gid: Gid,
        g: &Goroutine,
        futures: &Futures,
        barrier: Barrier,
        footprint: &mut dyn FnMut(Gid) -> Option<Footprint>,
        mut dones: Option<&mut Vec<Pointer>>,
        mut unknown_dones: Option<&mut u32>,
    ) -> Classes {
        let mut done_of = |func: LibFunc, args: &[Value]| -> bool {
            match (func, args.first(), dones.as_deref_mut()) {
                (LibFunc::WaitGroupDone, Some(Value::Ptr(Some(p))), Some(out)) => {
                    out.push(p.clone());
                    true
                }
                _ => false,
            }
        };
        if g.panicking.is_some() {
            return Classes::TOP;
        }
        if g.runtime {
            return self.timer_future(gid, g, futures, barrier, footprint);
        }
        // A sleeper's next operation is its wake-up (the clock, the scheduler's idleness:
        // its footprint's classes), after which its frames go on from their points.
        match (&g.status, &g.next) {
            (GoStatus::Parked, _) | (GoStatus::Sleeping(_), Some(Visible::Wake)) => {}
            _ => return Classes::TOP,
        }
        // A parked `sync/atomic` call touches its variable atomically, no plain memory.
        let atomic_next = matches!(&g.next, Some(Visible::Lib { func, .. }) if is_atomic(*func));
        let mut classes = match footprint(gid) {
            Some(fp) => self.footprint_classes(&fp, !atomic_next),
            None => Classes::NONE,
        };
        // Its next operation takes a lock of the barrier's kind, or is a `Wait` (its first
        // step or its blocked second one): everything after it comes after the acquire. (A
        // pending writer's second step is not one: it acquires only the readers' side.)
        let taking = match (&g.next, barrier) {
            (_, Barrier::None) => false,
            (Some(Visible::Lib { func, .. }), Barrier::AnyLock) => matches!(
                func,
                LibFunc::MutexLock | LibFunc::RwMutexLock | LibFunc::RwMutexRLock
            ),
            (Some(Visible::Lib { func, .. }), Barrier::ExclusiveLock) => {
                matches!(func, LibFunc::MutexLock | LibFunc::RwMutexLock)
            }
            (Some(Visible::Lib { func, .. }), Barrier::Wait) => {
                matches!(func, LibFunc::WaitGroupWait)
            }
            (Some(Visible::WaitGroupSemacquire(_)), Barrier::Wait) => true,
            _ => false,
        };
        if taking {
            return classes;
        }
        // What the next operation runs besides its own footprint: a library call's callbacks
        // (`once.Do(f)` runs `f` as frames pushed by the step), a `go` statement's new
        // goroutine (its creator's future holds it). The frames' futures start after it.
        classes = classes.union(match &g.next {
            Some(Visible::Lib { func, args, .. }) if done_of(*func, args) => Classes::NONE,
            Some(Visible::Lib { func, .. }) if self.discards_result(g) => {
                futures.library_discarded_until(barrier, *func)
            }
            Some(Visible::Lib { func, .. }) => futures.library_until(barrier, *func),
            Some(Visible::Go {
                func: Value::Func(Some(closure)),
                ..
            }) => futures.summary_until(barrier, closure.func),
            Some(Visible::Go { .. }) => futures.value_callees_until(barrier),
            Some(Visible::SyncMap(inflight)) => match &inflight.range_f {
                Some(Value::Func(Some(closure))) => futures.summary_until(barrier, closure.func),
                Some(_) => futures.value_callees_until(barrier),
                None => Classes::NONE,
            },
            _ => Classes::NONE,
        });
        // Frames from the top down: below a frame every way out of which passes a `barrier`
        // lock first (`Futures::returns_before`), the callers' code runs after the lock; only
        // their deferred calls may run before it (a panic unwinding to the run's end).
        let mut reached = true;
        for frame in g.frames.iter().rev() {
            let at = if reached {
                futures.at_until(barrier, frame.func, frame.pc)
            } else {
                Classes::NONE
            };
            if reached && !frame.returning && !futures.returns_before(barrier, frame.func, frame.pc)
            {
                reached = false;
            }
            let at = match unknown_dones.as_deref_mut() {
                Some(n)
                    if barrier == Barrier::None
                        && at.any(Classes::WG_DEC)
                        && futures.at_most_one_done(frame.func, frame.pc) =>
                {
                    *n += 1;
                    at.without(Classes::WG_DEC)
                }
                _ => at,
            };
            classes = classes.union(at);
            classes = classes.union(match &frame.kind {
                FrameKind::Call | FrameKind::Root | FrameKind::Deferred | FrameKind::Init => {
                    Classes::NONE
                }
                FrameKind::OnceBody(_) => Classes::SYNC,
                FrameKind::RangeBody(_) => {
                    Classes::SYNC.union(futures.value_callees_until(barrier))
                }
            });
            for d in &frame.defers {
                classes = classes.union(match d {
                    Deferred::Lib { func, args } if done_of(*func, args) => Classes::NONE,
                    Deferred::Lib { func, .. } => futures.library_discarded_until(barrier, *func),
                    Deferred::Call {
                        func: Value::Func(Some(closure)),
                        ..
                    } => futures.summary_until(barrier, closure.func),
                    Deferred::Call { .. } => futures.value_callees_until(barrier),
                });
            }
        }
        classes
    }

    /// The library call `g` is parked at discards its result: a deferred call, or one whose
    /// result the next instruction pops.
    pub(super) fn discards_result(&self, g: &Goroutine) -> bool {
        match &g.next {
            Some(Visible::Lib { push_results, .. }) => {
                !push_results
                    || g.frames.last().is_some_and(|f| {
                        matches!(
                            self.program.func(f.func).code.get(f.pc as usize),
                            Some(crate::bytecode::Instr::Pop)
                        )
                    })
            }
            _ => false,
        }
    }

    /// The classes of a parked operation's footprint (any footprint, not only a candidate's):
    /// an access of exactly a sync object is [`Classes::SYNC`] (a region that holds one and
    /// more is memory: it may hold a candidate's plain region too). `plain`: its memory
    /// accesses are plain ([`Classes::PLAIN_MEM`]; not for a `sync/atomic` call).
    pub(super) fn footprint_classes(&self, footprint: &Footprint, plain: bool) -> Classes {
        let plain = if plain {
            Classes::PLAIN_MEM
        } else {
            Classes::NONE
        };
        if footprint.main_exit || footprint.goroutine_exit {
            return Classes::NONE;
        }
        if footprint.global {
            return Classes::TOP;
        }
        footprint
            .resources
            .iter()
            .fold(Classes::NONE, |c, (resource, write)| {
                c.union(match resource {
                    Resource::Memory(p) if matches!(self.heap.get(p), Ok(Value::Sync(_))) => {
                        match self.heap.sync(p) {
                            Ok(
                                SyncState::AtomicInt(_)
                                | SyncState::AtomicBool(_)
                                | SyncState::AtomicValue(_),
                            ) => Classes::SYNC.union(Classes::ATOMIC_MEM),
                            _ => Classes::SYNC,
                        }
                    }
                    Resource::Memory(_) if *write => Classes::MEM_WRITE.union(plain),
                    Resource::Memory(_) => Classes::MEM_READ.union(plain),
                    Resource::Map(_) if *write => Classes::MAP_WRITE,
                    Resource::Map(_) => Classes::MAP_READ,
                    Resource::ChanPoll(_) => Classes::CHAN.union(Classes::CHAN_POLL),
                    Resource::Chan(_)
                    | Resource::ChanArrival(_)
                    | Resource::Receiver(_)
                    | Resource::ReceiverArrival(_)
                    | Resource::ReceiverPoll(_) => Classes::CHAN,
                    Resource::Output | Resource::File(_) | Resource::FileWaiter(_) => {
                        Classes::OUTPUT
                    }
                    Resource::Spawn | Resource::GoId => Classes::SPAWN,
                    Resource::Commuting(..) => Classes::SYNC,
                    Resource::ClockRaise | Resource::ClockRead | Resource::Idle => Classes::CLOCK,
                    Resource::RaceReport | Resource::RaceCountRead => Classes::TOP,
                })
            })
    }
}

/// `func` is a `sync/atomic` function or method.
pub(super) fn is_atomic(func: LibFunc) -> bool {
    match func.spec().owner {
        Owner::Package(path) => path == "sync/atomic",
        Owner::Sync(kind) => kind.package_path() == "sync/atomic",
        _ => false,
    }
}

/// The value holds a sync object (a mutex, an atomic, …) somewhere inside.
fn holds_sync(v: &Value) -> bool {
    match v {
        Value::Sync(_) => true,
        Value::Struct(fields) | Value::Array(fields) => fields.iter().any(holds_sync),
        _ => false,
    }
}
