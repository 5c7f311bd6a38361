//! The deterministic goroutine machine: the public API the schedulers, the race detector, the
//! explorer and the UI drive.
//!
//! Step model (see `rt::goroutine`): every live goroutine is parked before its next visible
//! operation. [`Machine::runnable`] lists the enabled ones (one [`Choice`] per ready `select`
//! case); [`Machine::step`] runs one of them and returns its [`Event`]s.
//!
//! Blocking is *enabledness*, not wait queues: a parked operation is enabled when it can
//! complete now (mutex free, channel ready, WaitGroup counter zero, …); the wait reason of a
//! disabled one is derived from the operation. An unbuffered send/receive is enabled when a
//! partner is parked at a matching operation; one step completes both sides (the stepping
//! goroutine's partner is the lowest-numbered ready partner; the other pairings are reached by
//! stepping the other side first). Sleepers run on a virtual clock: a sleeping goroutine is
//! runnable only when no other goroutine is and it has the earliest wake time (of equal wake
//! times, the earliest time it fell asleep).
//!
//! The program ends when `main.main` returns (status [`Status::Exited`], even with goroutines
//! left), on an unrecovered panic or a fatal error ([`Status::Failed`]), on a deadlock (no
//! goroutine can move: `fatal error: all goroutines are asleep - deadlock!`), or on a racemap
//! bound ([`Status::Limit`]).
//!
//! The machine is plain data (`Clone`): no host clock, no randomness, no hash iteration.
//!
//! Files: `enabled` (enabledness, wait reasons, deadlock, what an operation touches), `traceback` (stacks,
//! events, failures and goroutine dumps), `views` (read-only views for the UI), `objects`
//! (channels, maps, goroutines and zero values for visible operations).

use crate::bytecode::{Instr, LibFunc, Program};
use crate::diag::Span;
use crate::library::Owner;
use crate::rt::chan::ChanObj;
use crate::rt::config::{Config, LimitHit, WakeOrder};
use crate::rt::error::{DumpFrame, GoroutineDump, InternalError, RtError, RunError};
use crate::rt::event::{Effect, Event, Gid, Loc, Op, Stack, StackFrame, WaitReason};
use crate::rt::goroutine::{FrameKind, GoStatus, Goroutine, Visible};
use crate::rt::heap::{Fault, Heap};
use crate::rt::map::MapObj;
use crate::rt::sync_state::SyncState;
use crate::rt::value::{ChanId, FuncId, MapId, Pointer, Value};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// One schedulable move: goroutine `gid`, alternative `alt` (the `select` case index; the
/// default case is `cases.len()`; 0 when there is no choice).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Choice {
    /// Who moves.
    pub gid: Gid,
    /// Which alternative.
    pub alt: u32,
}

/// Where the run is.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Status {
    /// Goroutines can still move.
    Running,
    /// `main.main` returned: exit status 0.
    Exited,
    /// An unrecovered panic, a fatal error or a deadlock: exit status 2.
    Failed(RunError),
    /// A racemap bound was hit.
    Limit(LimitHit),
    /// A VM invariant broke: racemap's own bug, reported as `racemap internal error: …` (exit
    /// status [`EXIT_INTERNAL`](crate::rt::error::EXIT_INTERNAL)), never as the program's
    /// behaviour.
    Internal(InternalError),
}

/// The kind of a parked operation, for schedulers and the UI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PendingKind {
    /// Heap read.
    Load,
    /// Heap write.
    Store,
    /// Map read / len.
    MapRead,
    /// First half of a map write.
    MapWriteBegin,
    /// Second half of a map write.
    MapWriteEnd,
    /// Map iteration step.
    MapIterate,
    /// append / copy.
    SliceWrite,
    /// `go`.
    Go,
    /// Channel send.
    Send,
    /// Channel receive.
    Recv,
    /// Channel close.
    Close,
    /// `len(ch)`.
    ChanLen,
    /// `select`.
    Select,
    /// A library call (sync, atomic, print, sleep).
    Lib(LibFunc),
    /// Second half of RWMutex.Lock.
    RwLockFinish,
    /// Once's f returned.
    OnceDone,
    /// Second step of a WaitGroup `Add` that reached zero with waiters.
    WaitGroupWake,
    /// A registered `Wait` taking a semaphore token.
    WaitGroupSemacquire,
    /// A later step of a `sync.Map` call.
    SyncMapStep,
    /// Builtin print/println.
    Print,
    /// A write to a file taking (after waiting) or unlocking the file's `fdMutex`.
    FileStep,
    /// End of sleep.
    Wake,
    /// Goroutine exit.
    Exit,
}

/// The resources a parked operation touches (the explorer turns them into its dependence
/// `target::Footprint`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Touches {
    /// Heap locations with `true` for a write.
    pub memory: Vec<(Pointer, bool)>,
    /// Maps with `true` for a write.
    pub maps: Vec<(MapId, bool)>,
    /// Channels.
    pub chans: Vec<ChanId>,
    /// Sync objects (mutexes, WaitGroups, Once, sync.Map, atomics).
    pub sync: Vec<Pointer>,
    /// Writes to stdout/stderr.
    pub output: bool,
    /// The `fdMutex` of an open file (`rt::interp::file`): its descriptor, and `true` for a
    /// lock attempt that registers as a waiter (the lock is held).
    pub file: Option<(i64, bool)>,
    /// Spawns a goroutine.
    pub spawn: bool,
}

/// A goroutine's next operation.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct PendingOp {
    /// What it is.
    pub kind: PendingKind,
    /// It can run now.
    pub enabled: bool,
    /// Why not, when blocked.
    pub wait: Option<WaitReason>,
    /// What it touches.
    pub touches: Touches,
    /// Where in the source.
    pub span: Span,
}

mod clock;
mod cond_key;
mod counter_key;
mod deaf;
mod enabled;
mod fingerprint;
mod frame_args;
mod gid_set;
mod go119_frames;
mod lock_queue;
mod objects;
mod overtake;
mod plain_exit;
mod symmetry;
mod traceback;
mod views;
mod wait_index;
mod wait_moves;
pub use wait_index::WaitObject;

/// Debug builds check the wait index's answers against a scan of every goroutine in machines
/// of at most this many goroutines (a scan per step would make a bomb's debug run quadratic).
const DEBUG_SCAN_MAX: usize = 300;

pub(crate) use cond_key::CondTickets;
pub use fingerprint::StateMemo;
pub use overtake::{Overtaking, QueueOrder};
pub use symmetry::Renaming;
pub use views::{ChanView, GoroutineView, MapView};

/// The deterministic goroutine machine.
#[derive(Clone, Debug)]
pub struct Machine {
    /// The program.
    pub(crate) program: Rc<Program>,
    /// Bounds.
    pub(crate) config: Config,
    /// Shared memory.
    pub(crate) heap: Heap,
    /// All goroutines ever created, by [`Gid`], each shared with the clones of this machine
    /// until one of them changes it (a persistent vector: a step changes one or two
    /// goroutines, and the explorer clones the machine at every step, at a cost independent of
    /// the number of goroutines).
    pub(crate) goroutines: crate::cow_vec::CowVec<Goroutine>,
    /// Run status.
    pub(crate) status: Status,
    /// Virtual time in nanoseconds.
    pub(crate) clock: i64,
    /// Steps taken.
    pub(crate) steps: u64,
    /// Program stdout: the bytes written, as Go writes a string's bytes (valid UTF-8 or not).
    pub(crate) stdout: Vec<u8>,
    /// Program stderr (builtin `print`, its bytes; failure text is in the status).
    pub(crate) stderr: Vec<u8>,
    /// While a test binary's example runs (`rt::interp::example`): what it printed to
    /// os.Stdout, captured instead of written to [`Machine::stdout`].
    pub(crate) capture: Option<Vec<u8>>,
    /// Instructions left in the current step's budget.
    pub(crate) budget: u64,
    /// Events produced by the current step.
    pub(crate) events: Vec<Event>,
    /// Go numbers given to goroutines other than main so far (the next one is
    /// `first_goroutine_id` plus this); the runtime's timer goroutines take none, but the
    /// first timer fire takes one (Go 1.19's race runtime makes its timer context then).
    pub(crate) go_ids_taken: u64,
    /// A timer fired (its context took a goroutine number).
    pub(crate) timer_ctx_numbered: bool,
    /// Races the detector driving this machine reported so far (`Target::note_races`).
    pub(crate) races_reported: usize,
    /// Library package values made on first use, one per run (`context.Background()`,
    /// `context.Canceled`).
    pub(crate) lib_vars: litemap::LiteMap<LibFunc, Value>,
    /// What each point of the program's code may still do (`bytecode::future`), computed on
    /// first use by the explorer's persistent sets and shared by every clone (`None` where
    /// they do not apply: a test).
    pub(crate) futures: Rc<std::cell::OnceCell<Option<crate::bytecode::future::Futures>>>,
    /// Whether the program may observe the virtual clock ([`Machine::observes_clock`]),
    /// computed on first use and shared by every clone.
    pub(crate) clock_observed: Rc<std::cell::OnceCell<bool>>,
    /// Whether the program may sleep or arm a timer ([`Machine::may_sleep`]), computed on
    /// first use and shared by every clone.
    pub(crate) sleeps: Rc<std::cell::OnceCell<bool>>,
    /// Whether the program may count its goroutines ([`Machine::counts_goroutines`]),
    /// computed on first use and shared by every clone.
    pub(crate) goroutines_counted: Rc<std::cell::OnceCell<bool>>,
    /// The program's counters (`bytecode::counters`: locals the state key saturates),
    /// computed on first use by [`Machine::hash_state`] and shared by every clone.
    pub(crate) counters: Rc<std::cell::OnceCell<crate::bytecode::counters::Counters>>,
    /// What the state key needs of the program's `sync.Cond` use (`cond_key`), computed on
    /// first use by [`Machine::hash_state`] and shared by every clone.
    pub(crate) cond_tickets: Rc<std::cell::OnceCell<CondTickets>>,
    /// Which goroutines may move and what the others wait on (`wait_index`), brought up to
    /// date after every step: bookkeeping, not state (fingerprints ignore it).
    /// `None` until the index is kept (boxed: a machine of a few goroutines is copied and
    /// moved whole at every node of the search, and carries no index).
    pub(crate) waits: Option<Box<wait_index::WaitIndex>>,
    /// The goroutines parked at lock operations by arrival (`lock_queue`), kept in a run
    /// while the wait index is: bookkeeping, not state. `None` elsewhere (a search's clones
    /// carry none).
    pub(crate) lock_queues: Option<Box<lock_queue::LockQueues>>,
    /// Arrivals at channel and lock operations and locks' `Unlock`s so far: the next one's
    /// [`Arrival`] is one more
    /// (fingerprints take the order it gives the goroutines parked on each channel, not the
    /// count).
    ///
    /// [`Arrival`]: crate::rt::goroutine::Arrival
    pub(crate) arrivals: u64,
}

impl Machine {
    /// A machine for `program`: globals allocated, main created and run (through `main.init`)
    /// to its first visible operation.
    pub fn new(program: Rc<Program>, config: Config) -> Machine {
        let mut m = Machine {
            program,
            config,
            heap: Heap::default(),
            goroutines: crate::cow_vec::CowVec::new(),
            status: Status::Running,
            clock: 0,
            steps: 0,
            stdout: Vec::new(),
            stderr: Vec::new(),
            capture: None,
            budget: 0,
            events: Vec::new(),
            lib_vars: litemap::LiteMap::new_vec(),
            go_ids_taken: 0,
            timer_ctx_numbered: false,
            races_reported: 0,
            futures: Rc::default(),
            clock_observed: Rc::default(),
            sleeps: Rc::default(),
            goroutines_counted: Rc::default(),
            counters: Rc::default(),
            cond_tickets: Rc::default(),
            waits: None,
            lock_queues: None,
            arrivals: 0,
        };
        let prog = m.program.clone();
        if m.config.first_goroutine_id == Config::AUTO_GOROUTINE_ID {
            // `go test -race` runs a test on goroutine 7 (its runner starts it first, then the
            // test's own goroutines are 8, 9, …): package testing links os.
            m.config.first_goroutine_id = if !prog.tests.is_empty() || links_os(&prog) {
                7
            } else {
                6
            };
        }
        if let Err(f) = m.heap.init_globals(&prog, &m.config) {
            m.fault(Gid::MAIN, f);
            m.reindex();
            return m;
        }
        m.goroutines
            .push(Goroutine::new(Gid::MAIN, (1, 1), prog.main, None));
        m.budget = m.config.max_instructions_per_step;
        let r = m
            .push_call(
                Gid::MAIN,
                prog.main,
                Vec::new(),
                Rc::from(Vec::new()),
                FrameKind::Root,
            )
            .and_then(|_| {
                m.push_call(
                    Gid::MAIN,
                    prog.init,
                    Vec::new(),
                    Rc::from(Vec::new()),
                    FrameKind::Init,
                )
            });
        match r {
            Ok(()) => m.run_local(Gid::MAIN),
            Err(f) => m.fault(Gid::MAIN, f),
        }
        m.events.clear();
        m.reindex();
        m.check_deadlock();
        m.reindex();
        m.debug_check_invariants();
        m
    }

    /// The program.
    pub fn program(&self) -> &Rc<Program> {
        &self.program
    }

    /// The configuration (with [`Config::first_goroutine_id`] resolved).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Run status.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// Virtual time (ns).
    pub fn clock(&self) -> i64 {
        self.clock
    }

    /// Everything the program wrote to stdout, as text (an invalid byte shows as U+FFFD).
    pub fn stdout(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.stdout)
    }

    /// Everything the program wrote to stdout: its bytes.
    pub fn stdout_bytes(&self) -> &[u8] {
        &self.stdout
    }

    /// What the program wrote to stderr with `print`/`println` (the failure text is
    /// [`RunError::render`] of the status).
    pub fn stderr(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.stderr)
    }

    /// What the program wrote to stderr with `print`/`println`: its bytes.
    pub fn stderr_bytes(&self) -> &[u8] {
        &self.stderr
    }

    /// Everything the Go process writes to stderr so far: `print`/`println` output, then, once
    /// the run failed, the panic or fatal error with its goroutine dump (without `go run`'s
    /// `exit status 2` line).
    pub fn full_stderr(&self) -> String {
        let mut s = self.stderr().into_owned();
        if let Status::Failed(e) = &self.status {
            s.push_str(&e.render());
        }
        s
    }

    /// The process exit status: 0 after `main` returned, 2 after a failure, `None` while
    /// running or after a racemap bound.
    pub fn exit_code(&self) -> Option<i32> {
        match &self.status {
            Status::Exited => Some(0),
            Status::Failed(e) => Some(e.exit_code()),
            _ => None,
        }
    }

    /// Number of goroutines ever created.
    pub fn goroutine_count(&self) -> usize {
        self.goroutines.len()
    }

    /// Go's number for a goroutine (main is 1).
    pub fn go_id(&self, gid: Gid) -> u64 {
        self.goroutines
            .get(gid.0 as usize)
            .map(|g| g.go_id)
            .unwrap_or(0)
    }

    /// One goroutine's full state (read-only, for snapshots and the playback's "what would it
    /// do next" phrases): its parked [`Visible`] operation, status and iteration cursors.
    pub fn goroutine_state(&self, gid: Gid) -> Option<&Goroutine> {
        self.goroutines.get(gid.0 as usize)
    }

    /// A value of static type `ty` formatted with `%v` (read-only, for snapshots).
    pub fn format_value(&self, ty: crate::types::TypeId, value: &Value) -> String {
        self.format_typed(ty, value)
    }

    /// The shared memory (read-only, for snapshots).
    pub fn heap(&self) -> &Heap {
        &self.heap
    }

    /// The moves available now: those of virtual time in goroutine order (select cases in case
    /// order; sleepers only when nobody else can move, earliest wake time first), then, when
    /// sleepers may wake at any time ([`WakeOrder::any_time`]), the wake-up of every other
    /// sleeper in goroutine order (but not a ticker's fire that would drop its tick). Under
    /// [`WakeOrder::Timeless`] a fire that would drop its tick is left out even when virtual
    /// time has it due, unless it is the only move: with the clock frozen it changes nothing
    /// a search tells states apart by.
    pub fn runnable(&self) -> Vec<Choice> {
        let mut out = self.runnable_in_virtual_time();
        let order = self.config.wake_order;
        if order.any_time() {
            // The moves of virtual time are in goroutine order: the goroutines offered already
            // are found by binary search (a goroutine bomb offers thousands).
            let offered = out.len();
            // Every sleeper is among the index's unsure goroutines.
            let sleepers = self.fresh_index().map(|w| w.unsure.iter());
            let candidates: Box<dyn Iterator<Item = &Goroutine>> = match sleepers {
                Some(ids) => Box::new(ids.filter_map(|g| self.goroutines.get(g.0 as usize))),
                None => Box::new(self.candidates()),
            };
            for g in candidates {
                if matches!(g.status, GoStatus::Sleeping(_))
                    && out[..offered]
                        .binary_search_by_key(&g.gid, |c| c.gid)
                        .is_err()
                    && !self.drops_tick(g)
                {
                    out.push(Choice { gid: g.gid, alt: 0 });
                }
            }
        }
        if order.freezes_clock() && out.len() > 1 {
            let dropping = |c: &Choice| {
                self.goroutines.get(c.gid.0 as usize).is_some_and(|g| {
                    matches!(g.status, GoStatus::Sleeping(_)) && self.drops_tick(g)
                })
            };
            if out.iter().any(|c| !dropping(c)) {
                out.retain(|c| !dropping(c));
            }
        }
        out
    }

    /// `g` fires a ticker whose channel is full (the tick would be dropped, which nobody can
    /// observe but the clock) or that already fired early `MAX_EARLY_TICKS` times where that
    /// bound holds ([`WakeOrder::bounds_early_ticks`]). Such a fire is not offered early (a
    /// ticker could otherwise fire forever ahead of virtual time); in virtual time order it
    /// still comes when due.
    fn drops_tick(&self, g: &Goroutine) -> bool {
        self.ticker_of(g).is_some_and(|t| {
            (self.config.wake_order.bounds_early_ticks()
                && t.early_fires >= crate::rt::timer::MAX_EARLY_TICKS)
                || t.chan()
                    .is_some_and(|c| self.heap.chan(c).buf.len() >= self.heap.chan(c).cap as usize)
        })
    }

    /// The ticker `g` is about to fire, if it is one.
    fn ticker_of(&self, g: &Goroutine) -> Option<&crate::rt::timer::TimerState> {
        let Some(Visible::TimerFire(p)) = &g.next else {
            return None;
        };
        match self.heap.sync(p) {
            Ok(crate::rt::sync_state::SyncState::Timer(t)) if t.period > 0 => Some(t),
            _ => None,
        }
    }

    /// Under [`WakeOrder::AnyTime`], [`Machine::runnable`] leaves out the early fire of a
    /// ticker only because it already fired early [`crate::rt::timer::MAX_EARLY_TICKS`] times
    /// in this run (not because its tick would be dropped): a bound on the search.
    pub fn withholds_early_ticks(&self) -> bool {
        // A ticker's fire is a sleeper's move (a goroutine bomb offers thousands of others).
        if !self.config.wake_order.bounds_early_ticks() || !self.sleeper_may_move() {
            return false;
        }
        let offered = self.runnable_in_virtual_time();
        self.candidates().any(|g| {
            matches!(g.status, GoStatus::Sleeping(_))
                && !offered.iter().any(|c| c.gid == g.gid)
                && self
                    .ticker_of(g)
                    .is_some_and(|t| t.early_fires >= crate::rt::timer::MAX_EARLY_TICKS)
        })
    }

    /// `gid` sleeps and waking it now cuts its sleep short: virtual time would not let it wake
    /// yet (another goroutine can move, or another sleeper is due first). Only such a move of
    /// [`WakeOrder::AnyTime`] shows what Go allows and a lightly loaded machine rarely does.
    pub fn wakes_early(&self, gid: Gid) -> bool {
        self.goroutines
            .get(gid.0 as usize)
            .is_some_and(|g| matches!(g.status, GoStatus::Sleeping(_)))
            && !self.runnable_in_virtual_time().iter().any(|c| c.gid == gid)
    }

    /// The program calls `time.Sleep` or arms a timer (`time.After`, `context.WithTimeout`, …)
    /// somewhere (otherwise both [`WakeOrder`]s offer the same moves everywhere).
    pub fn may_sleep(&self) -> bool {
        *self.sleeps.get_or_init(|| {
            self.program.funcs.iter().any(|f| {
                f.code.iter().any(|i| match i {
                    Instr::CallLib { func, .. } | Instr::DeferLib { func, .. } => {
                        *func == LibFunc::TimeSleep
                            || func.spec().visibility == crate::library::Visibility::Timer
                    }
                    _ => false,
                })
            })
        })
    }

    /// Change when sleepers may wake from now on (see [`WakeOrder`]).
    pub fn set_wake_order(&mut self, order: WakeOrder) {
        self.config.wake_order = order;
        self.keep_lock_queues();
    }

    /// The moves of virtual time (see [`Machine::runnable`]).
    fn runnable_in_virtual_time(&self) -> Vec<Choice> {
        if self.status != Status::Running {
            return Vec::new();
        }
        let out = self.virtual_time_moves(self.candidates(), true);
        if cfg!(debug_assertions) && self.goroutines.len() <= DEBUG_SCAN_MAX && self.index_fresh() {
            debug_assert_eq!(
                out,
                self.virtual_time_moves(self.goroutines.iter(), false),
                "the wait index's moves differ from a scan's"
            );
        }
        out
    }

    /// The moves of virtual time among `gs` (in goroutine order, a superset of the goroutines
    /// that can move), with the wait index's word on enabledness where it has one (`indexed`).
    fn virtual_time_moves<'a>(
        &'a self,
        gs: impl Iterator<Item = &'a Goroutine> + Clone,
        indexed: bool,
    ) -> Vec<Choice> {
        // The index's word, looked up once (a goroutine bomb lists thousands of moves).
        let index = if indexed { self.fresh_index() } else { None };
        let mut out = Vec::with_capacity(index.map_or(0, |w| w.movable_len()));
        let clock_runs = self.config.wake_order.clock_runs();
        // Sleepers the running clock has carried past their wake time, earliest first.
        let mut overdue: Vec<(i64, i64, Gid)> = Vec::new();
        let mut movers = Movers::default();
        let mut visit = |g: &Goroutine, out: &mut Vec<Choice>| {
            self.push_parked_moves(g, out, index, &mut movers);
            if let (true, &GoStatus::Sleeping(t)) = (clock_runs, &g.status) {
                // (Strictly: a sleeper due exactly now, when another just woke at the same
                // time, waits as in virtual time; polling carries the clock past it.)
                if t < self.clock {
                    overdue.push((t, g.slept_at, g.gid));
                }
            }
        };
        match (index, self.lock_queues.as_deref()) {
            // The index's movable goroutines (`gs` is them): the simple ones' moves are known.
            (Some(w), None) => {
                for gid in w.movable_ids() {
                    if w.simple.contains(gid) {
                        out.push(Choice { gid, alt: 0 });
                    } else if let Some(g) = self.goroutines.get(gid.0 as usize) {
                        visit(g, &mut out);
                    }
                }
            }
            // A run with lock queues: `gs` leaves out the goroutines queued at a `Lock` whose
            // turn it is not (`lock_queue::RunCandidates`); one whose turn it may be is looked
            // at (`Machine::lock_turn`), the other simple ones' moves are known.
            (Some(w), Some(q)) => {
                for (gid, at_lock) in lock_queue::RunCandidateIds::new(self, w.movable_set(), q) {
                    if !at_lock && w.simple.contains(gid) {
                        out.push(Choice { gid, alt: 0 });
                    } else if let Some(g) = self.goroutines.get(gid.0 as usize) {
                        visit(g, &mut out);
                    }
                }
            }
            (None, _) => {
                for g in gs.clone() {
                    visit(g, &mut out);
                }
            }
        }
        if !out.is_empty() && !overdue.is_empty() {
            // They wake first, as Go runs a goroutine its timer readied next
            // (`ready` puts it in `runnext`), however busy the others are.
            overdue.sort_unstable();
            let wakes = overdue.iter().map(|&(_, _, gid)| Choice { gid, alt: 0 });
            out.splice(0..0, wakes);
        }
        if out.is_empty() {
            // Sleepers: only when nobody else can move, earliest wake time first; of those
            // due at once, the ones armed earliest (as in Go's real time, where time passes
            // between two armings).
            let earliest = gs
                .clone()
                .filter_map(|g| match g.status {
                    GoStatus::Sleeping(t) => Some((t, g.slept_at)),
                    _ => None,
                })
                .min();
            if let Some((t, at)) = earliest {
                for g in gs {
                    if g.status == GoStatus::Sleeping(t) && g.slept_at == at {
                        out.push(Choice { gid: g.gid, alt: 0 });
                    }
                }
            }
        }
        out
    }

    /// Appends the moves of `g` if it is parked at an operation that can run now (a `select`'s
    /// ready cases in case order, or its default; every alternative of another operation).
    fn push_parked_moves(
        &self,
        g: &Goroutine,
        out: &mut Vec<Choice>,
        index: Option<&wait_index::WaitIndex>,
        movers: &mut Movers,
    ) {
        if g.status != GoStatus::Parked {
            return;
        }
        let Some(next) = &g.next else { return };
        match next {
            Visible::Select {
                arms, has_default, ..
            } => {
                let before = out.len();
                for (i, arm) in arms.iter().enumerate() {
                    if self.arm_ready(g.gid, arm) {
                        out.push(Choice {
                            gid: g.gid,
                            alt: i as u32,
                        });
                    }
                }
                if *has_default && (out.len() == before || self.default_ready(g.gid, arms)) {
                    out.push(Choice {
                        gid: g.gid,
                        alt: arms.len() as u32,
                    });
                }
            }
            v => {
                let known = index.and_then(|w| w.enabled_of(g.gid));
                // In a run, the index's word on a plain channel operation is the rule of a
                // search (a superset): of the goroutines it lets move by a rendezvous, only the
                // later of the two queue heads may (`Machine::partner_in`), looked up once
                // per channel.
                let known = match (known, v) {
                    (
                        Some(true),
                        Visible::Send(Some(c), _) | Visible::Recv { chan: Some(c), .. },
                    ) if self.queues_arrived() => {
                        let ch = self.heap.chan(*c);
                        let alone = match v {
                            Visible::Send(..) => ch.can_send_buffered(),
                            _ => ch.can_recv_buffered(),
                        };
                        Some(alone || movers.of(self, *c).contains(&Some(g.gid)))
                    }
                    // Likewise at a lock: its queue's turn (`lock_queue`).
                    (
                        Some(true),
                        Visible::Lib {
                            func: LibFunc::MutexLock | LibFunc::RwMutexLock,
                            ..
                        },
                    ) if self.queues_arrived() => Some(self.lock_turn(g.gid, v, &mut movers.locks)),
                    (Some(true), Visible::SyncMap(_)) if self.queues_arrived() => {
                        Some(self.lock_turn(g.gid, v, &mut movers.locks))
                    }
                    // Main's return in a plain build waits on other goroutines' panics
                    // (`plain_exit`), which the index does not follow.
                    (_, Visible::Exit) if self.config.plain_build => None,
                    (known, _) => known,
                };
                if known.unwrap_or_else(|| self.enabled(g.gid, v)) {
                    let alts = self.alternatives(g.gid, v);
                    out.extend((0..alts).map(|alt| Choice { gid: g.gid, alt }));
                }
            }
        }
    }

    /// The moves of `gid` among [`Machine::runnable`], in the same order, without building
    /// the whole list (unless `gid` sleeps: whether it may wake depends on everyone).
    pub fn runnable_of(&self, gid: Gid) -> Vec<Choice> {
        let mut out = Vec::new();
        let Some(g) = self.goroutines.get(gid.0 as usize) else {
            return out;
        };
        if self.status != Status::Running {
            return out;
        }
        if matches!(g.status, GoStatus::Sleeping(_)) {
            out = self.runnable();
            out.retain(|c| c.gid == gid);
        } else {
            self.push_parked_moves(g, &mut out, self.fresh_index(), &mut Movers::default());
        }
        out
    }

    /// What the next operation of a live goroutine is and touches: [`Machine::pending`]
    /// without whether it can run (the explorer's footprints ask this of every goroutine in
    /// every state).
    pub fn pending_touches(&self, gid: Gid) -> Option<(PendingKind, Touches)> {
        let g = self.goroutines.get(gid.0 as usize)?;
        let next = g.next.as_ref()?;
        if !g.is_live() {
            return None;
        }
        let (kind, mut touches) = self.touches(next);
        if let Visible::MapIterNext { iter } = next {
            if let Some((Some(m), _)) = g.iters.get(*iter) {
                touches.maps.push((*m, false));
            }
        }
        Some((kind, touches))
    }

    /// The next operation of a live goroutine.
    pub fn pending(&self, gid: Gid) -> Option<PendingOp> {
        let (kind, touches) = self.pending_touches(gid)?;
        let g = self.goroutines.get(gid.0 as usize)?;
        let next = g.next.as_ref()?;
        let (enabled, wait) = match g.status {
            GoStatus::Sleeping(_) => {
                let enabled = self.runnable().iter().any(|c| c.gid == gid);
                (
                    enabled,
                    if enabled {
                        None
                    } else {
                        Some(WaitReason::Sleep)
                    },
                )
            }
            _ => {
                let enabled = match next {
                    Visible::Select {
                        arms, has_default, ..
                    } => *has_default || arms.iter().any(|a| self.arm_ready(gid, a)),
                    v => self.enabled(gid, v),
                };
                (
                    enabled,
                    if enabled {
                        None
                    } else {
                        Some(self.wait_reason(next))
                    },
                )
            }
        };
        Some(PendingOp {
            kind,
            enabled,
            wait,
            touches,
            span: g.next_span,
        })
    }

    /// Run one move: the chosen goroutine's visible operation, then its local code up to its
    /// next visible operation. Returns the step's events (empty when the choice is not
    /// runnable or the run is over).
    pub fn step(&mut self, choice: Choice) -> Vec<Event> {
        if self.status != Status::Running {
            return Vec::new();
        }
        if !self.choice_runnable(choice) {
            return Vec::new();
        }
        if self.steps >= self.config.max_steps {
            self.status = Status::Limit(LimitHit::Steps(self.config.max_steps));
            return Vec::new();
        }
        self.steps += 1;
        self.begin_delta();
        self.budget = self.config.max_instructions_per_step;
        self.events.clear();
        let gid = choice.gid;
        self.note_panic_seen(gid);
        match self.exec_visible(gid, choice.alt) {
            Ok(()) => {}
            Err(f) => self.fault(gid, f),
        }
        if self.status == Status::Running {
            self.run_local(gid);
        }
        if self.config.wake_order.clock_runs() && self.events.iter().any(Event::polls) {
            // Time passes while goroutines poll (`WakeOrder::RunningClock`).
            self.clock = self.clock.saturating_add(crate::rt::config::STEP_NS);
        }
        self.reindex();
        self.check_deadlock();
        self.reindex();
        self.debug_check_invariants();
        std::mem::take(&mut self.events)
    }
}

/// Whether the program links package `os` (it calls into `os`, or into `fmt` or `log`, which
/// import it): `os`'s init makes the standard files with finalizers, which starts the
/// finalizer goroutine, so the program's first goroutine is Go's number 7, not 6 (Go 1.19 with
/// `-race`: an import of `os`, `fmt`, `log`, `io/ioutil` or `testing` gives 7; of `time`,
/// `sync`, `strings`, `context`, `io`, `bytes`, … alone, 6).
fn links_os(program: &Program) -> bool {
    use crate::bytecode::Instr;
    program
        .funcs
        .iter()
        .flat_map(|f| f.code.iter())
        .any(|i| match i {
            Instr::CallLib { func, .. } | Instr::DeferLib { func, .. } => matches!(
                func.spec().owner,
                Owner::Package("fmt" | "os" | "log")
                    | Owner::PackageVar("os")
                    | Owner::Runtime("fmt" | "log")
                    | Owner::Struct("os" | "log", _)
            ),
            _ => false,
        })
}

impl Machine {
    /// The machine's invariants between steps, checked in debug builds (the property tests and
    /// fuzzers run those): goroutine ids are indexes, a live goroutine of a running machine is
    /// parked at its next visible operation, a buffered channel never holds more than its
    /// capacity, and a map's writer is a goroutine that exists.
    fn debug_check_invariants(&self) {
        if !cfg!(debug_assertions) {
            return;
        }
        debug_assert!(
            self.index_fresh() || !self.index_kept(),
            "the wait index lags behind a step"
        );
        debug_assert_eq!(
            self.index_kept(),
            self.goroutines.len() >= self.config.wait_index_from,
            "the wait index is kept exactly from `wait_index_from` goroutines on"
        );
        for (i, g) in self.goroutines.iter().enumerate() {
            debug_assert_eq!(g.gid.0 as usize, i, "goroutine {i} has id {:?}", g.gid);
            if self.status == Status::Running && g.is_live() {
                debug_assert!(
                    g.next.is_some(),
                    "live goroutine {i} of a running machine is not parked"
                );
            }
        }
        for (i, c) in self.heap.chans.iter().enumerate() {
            debug_assert!(
                c.buf.len() <= c.cap as usize,
                "channel {i} buffers {} values with capacity {}",
                c.buf.len(),
                c.cap
            );
        }
        for (i, m) in self.heap.maps.iter().enumerate() {
            if let Some(w) = &m.writing {
                debug_assert!(
                    (w.gid.0 as usize) < self.goroutines.len(),
                    "map {i} is written by unknown goroutine {:?}",
                    w.gid
                );
            }
        }
    }
}

/// Per channel, the goroutine that may make its next rendezvous in a run (the later arrival
/// of the two queue heads, [`Machine::rendezvous_movers`]), and per lock whose turn it is
/// (`lock_queue`), looked up once while the moves are listed (a goroutine bomb parks
/// thousands in one queue, every one of them a candidate of the wait index).
#[derive(Default)]
struct Movers {
    /// Per channel, its movers.
    chans: Vec<(ChanId, [Option<Gid>; 2])>,
    /// Per lock, its queue's state.
    locks: lock_queue::LockTurns,
}

impl Movers {
    fn of(&mut self, m: &Machine, c: ChanId) -> [Option<Gid>; 2] {
        if let Some((_, g)) = self.chans.iter().find(|(ch, _)| *ch == c) {
            return *g;
        }
        let g = m.rendezvous_movers(c);
        self.chans.push((c, g));
        g
    }
}
