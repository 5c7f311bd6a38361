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
//! runnable only when no other goroutine is and it has the earliest wake time.
//!
//! The program ends when `main.main` returns (status [`Status::Exited`], even with goroutines
//! left), on an unrecovered panic or a fatal error ([`Status::Failed`]), on a deadlock (no
//! goroutine can move: `fatal error: all goroutines are asleep - deadlock!`), or on a racemap
//! bound ([`Status::Limit`]).
//!
//! The machine is plain data (`Clone`): no host clock, no randomness, no hash iteration.

use crate::bytecode::{LibFunc, Program};
use crate::diag::Span;
use crate::rt::chan::ChanObj;
use crate::rt::config::{Config, LimitHit};
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// `select`.
    Select,
    /// A library call (sync, atomic, print, sleep).
    Lib(LibFunc),
    /// Second half of RWMutex.Lock.
    RwLockFinish,
    /// Once's f returned.
    OnceDone,
    /// A later step of a `sync.Map` call.
    SyncMapStep,
    /// Builtin print/println.
    Print,
    /// End of sleep.
    Wake,
    /// Goroutine exit.
    Exit,
}

/// The resources a parked operation touches, so the explorer can tell dependent steps apart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footprint {
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
    /// Spawns a goroutine.
    pub spawn: bool,
}

/// A goroutine's next operation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PendingOp {
    /// What it is.
    pub kind: PendingKind,
    /// It can run now.
    pub enabled: bool,
    /// Why not, when blocked.
    pub wait: Option<WaitReason>,
    /// What it touches.
    pub footprint: Footprint,
    /// Where in the source.
    pub span: Span,
}

/// A goroutine as the UI shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoroutineView {
    /// Machine index.
    pub gid: Gid,
    /// Go's number.
    pub go_id: u64,
    /// `running`/`runnable`, `chan send`, `sleep`, `done`, …
    pub state: String,
    /// Call stack, innermost first.
    pub stack: Vec<StackFrame>,
    /// The next operation, when alive.
    pub pending: Option<PendingOp>,
}

/// A map as the UI shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// Its id.
    pub id: MapId,
    /// Entries in key order, formatted with `%v`.
    pub entries: Vec<(String, String)>,
    /// The goroutine inside a write (Go's writing flag), if any.
    pub writer: Option<Gid>,
}

/// A channel as the UI shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChanView {
    /// Its id.
    pub id: ChanId,
    /// Capacity.
    pub cap: u32,
    /// Buffered values, formatted with `%v`.
    pub buffer: Vec<String>,
    /// Closed.
    pub closed: bool,
}

/// The deterministic goroutine machine.
#[derive(Clone, Debug)]
pub struct Machine {
    /// The program.
    pub(crate) program: Rc<Program>,
    /// Bounds.
    pub(crate) config: Config,
    /// Shared memory.
    pub(crate) heap: Heap,
    /// All goroutines ever created, by [`Gid`].
    pub(crate) goroutines: Vec<Goroutine>,
    /// Run status.
    pub(crate) status: Status,
    /// Virtual time in nanoseconds.
    pub(crate) clock: i64,
    /// Steps taken.
    pub(crate) steps: u64,
    /// Program stdout.
    pub(crate) stdout: String,
    /// Program stderr (builtin `print`; failure text is in the status).
    pub(crate) stderr: String,
    /// Instructions left in the current step's budget.
    pub(crate) budget: u64,
    /// Events produced by the current step.
    pub(crate) events: Vec<Event>,
}

impl Machine {
    /// A machine for `program`: globals allocated, main created and run (through `main.init`)
    /// to its first visible operation.
    pub fn new(program: Rc<Program>, config: Config) -> Machine {
        let mut m = Machine {
            program,
            config,
            heap: Heap::default(),
            goroutines: Vec::new(),
            status: Status::Running,
            clock: 0,
            steps: 0,
            stdout: String::new(),
            stderr: String::new(),
            budget: 0,
            events: Vec::new(),
        };
        let prog = m.program.clone();
        if m.config.first_goroutine_id == Config::AUTO_GOROUTINE_ID {
            m.config.first_goroutine_id = if uses_fmt(&prog) { 6 } else { 5 };
        }
        if let Err(f) = m.heap.init_globals(&prog, &m.config) {
            m.fault(Gid::MAIN, f);
            return m;
        }
        m.goroutines.push(Goroutine {
            gid: Gid::MAIN,
            go_id: 1,
            frames: Vec::new(),
            status: GoStatus::Parked,
            next: None,
            next_span: Span::default(),
            panicking: None,
            iters: Vec::new(),
            created_by: None,
            root: prog.main,
        });
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
        m.check_deadlock();
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

    /// Everything the program wrote to stdout.
    pub fn stdout(&self) -> &str {
        &self.stdout
    }

    /// What the program wrote to stderr with `print`/`println` (the failure text is
    /// [`RunError::render`] of the status).
    pub fn stderr(&self) -> &str {
        &self.stderr
    }

    /// Everything the Go process writes to stderr so far: `print`/`println` output, then, once
    /// the run failed, the panic or fatal error with its goroutine dump (without `go run`'s
    /// `exit status 2` line).
    pub fn full_stderr(&self) -> String {
        let mut s = self.stderr.clone();
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
    pub fn format_value(&self, ty: crate::lang::types::TypeId, value: &Value) -> String {
        self.format_typed(ty, value)
    }

    /// The shared memory (read-only, for snapshots).
    pub fn heap(&self) -> &Heap {
        &self.heap
    }

    /// The moves available now, in goroutine order (select cases in case order).
    pub fn runnable(&self) -> Vec<Choice> {
        let mut out = Vec::new();
        if self.status != Status::Running {
            return out;
        }
        for g in &self.goroutines {
            if g.status != GoStatus::Parked {
                continue;
            }
            let Some(next) = &g.next else { continue };
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
                    if out.len() == before && *has_default {
                        out.push(Choice {
                            gid: g.gid,
                            alt: arms.len() as u32,
                        });
                    }
                }
                v => {
                    if self.enabled(g.gid, v) {
                        out.push(Choice { gid: g.gid, alt: 0 });
                    }
                }
            }
        }
        if out.is_empty() {
            // Sleepers: only when nobody else can move, earliest wake time first.
            let earliest = self
                .goroutines
                .iter()
                .filter_map(|g| match g.status {
                    GoStatus::Sleeping(t) => Some(t),
                    _ => None,
                })
                .min();
            if let Some(t) = earliest {
                for g in &self.goroutines {
                    if g.status == GoStatus::Sleeping(t) {
                        out.push(Choice { gid: g.gid, alt: 0 });
                    }
                }
            }
        }
        out
    }

    /// The next operation of a live goroutine.
    pub fn pending(&self, gid: Gid) -> Option<PendingOp> {
        let g = self.goroutines.get(gid.0 as usize)?;
        let next = g.next.as_ref()?;
        if !g.is_live() {
            return None;
        }
        let (kind, mut footprint) = self.footprint(next);
        if let Visible::MapIterNext { iter } = next {
            if let Some((Some(m), _)) = g.iters.get(*iter) {
                footprint.maps.push((*m, false));
            }
        }
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
            footprint,
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
        self.budget = self.config.max_instructions_per_step;
        self.events.clear();
        let gid = choice.gid;
        match self.exec_visible(gid, choice.alt) {
            Ok(()) => {}
            Err(f) => self.fault(gid, f),
        }
        if self.status == Status::Running {
            self.run_local(gid);
        }
        self.check_deadlock();
        std::mem::take(&mut self.events)
    }

    /// All goroutines with their state and stack, for the UI.
    pub fn goroutines(&self) -> Vec<GoroutineView> {
        self.goroutines
            .iter()
            .map(|g| {
                let pending = self.pending(g.gid);
                let state = match (&g.status, &pending) {
                    (GoStatus::Done, _) => "done".to_string(),
                    (GoStatus::Sleeping(_), _) => "sleep".to_string(),
                    (_, Some(p)) if !p.enabled => {
                        p.wait.map(|w| w.as_str()).unwrap_or("waiting").to_string()
                    }
                    _ => "runnable".to_string(),
                };
                GoroutineView {
                    gid: g.gid,
                    go_id: g.go_id,
                    state,
                    stack: self.stack_of(g.gid).to_vec(),
                    pending,
                }
            })
            .collect()
    }

    /// Every map with its entries and writing flag, for the UI.
    pub fn maps(&self) -> Vec<MapView> {
        self.heap
            .maps
            .iter()
            .enumerate()
            .map(|(i, m)| MapView {
                id: MapId(i as u32),
                entries: m
                    .entries_in_order()
                    .iter()
                    .map(|(k, v)| {
                        (
                            self.format_typed(m.key_ty, k),
                            self.format_typed(m.elem_ty, v),
                        )
                    })
                    .collect(),
                writer: m.writing.as_ref().map(|w| w.gid),
            })
            .collect()
    }

    /// Every channel, for the UI.
    pub fn chans(&self) -> Vec<ChanView> {
        self.heap
            .chans
            .iter()
            .enumerate()
            .map(|(i, c)| ChanView {
                id: ChanId(i as u32),
                cap: c.cap,
                buffer: c
                    .buf
                    .iter()
                    .map(|v| self.format_typed(c.elem_ty, v))
                    .collect(),
                closed: c.closed,
            })
            .collect()
    }

    /// Every sync object reachable from a heap cell (pointer and state), for the UI.
    pub fn sync_objects(&self) -> Vec<(Pointer, SyncState)> {
        fn walk(v: &Value, p: Pointer, out: &mut Vec<(Pointer, SyncState)>) {
            match v {
                Value::Sync(s) => out.push((p, (**s).clone())),
                Value::Struct(fs) => {
                    for (i, f) in fs.iter().enumerate() {
                        walk(f, p.child(i as u32), out)
                    }
                }
                Value::Array(es) if es.len() <= 64 => {
                    for (i, e) in es.iter().enumerate() {
                        walk(e, p.child(i as u32), out)
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        for (i, c) in self.heap.cells.iter().enumerate() {
            walk(
                &c.value,
                Pointer::root(crate::rt::value::ObjId(i as u32)),
                &mut out,
            );
        }
        out
    }

    // ----- internals shared with `interp` -----

    /// The call stack of a goroutine, innermost first.
    pub(crate) fn stack_of(&self, gid: Gid) -> Stack {
        let g = &self.goroutines[gid.0 as usize];
        let mut out = Vec::with_capacity(g.frames.len().max(1));
        let n = g.frames.len();
        for (i, f) in g.frames.iter().enumerate().rev() {
            let func = self.program.func(f.func);
            let pc = if i + 1 == n && g.next.is_some() {
                None
            } else {
                Some(f.call_pc)
            };
            let span = match pc {
                None => g.next_span,
                Some(pc) => func.spans.get(pc as usize).copied().unwrap_or(func.span),
            };
            out.push(StackFrame {
                func: f.func,
                name: func.name.clone(),
                span,
            });
        }
        if out.is_empty() {
            let func = self.program.func(g.root);
            out.push(StackFrame {
                func: g.root,
                name: func.name.clone(),
                span: Span::new(func.span.hi.saturating_sub(1), func.span.hi),
            });
        }
        Rc::from(out)
    }

    /// Record an event for goroutine `gid` at its parked span.
    pub(crate) fn emit(&mut self, gid: Gid, op: Op, effects: Vec<Effect>) {
        let span = self.goroutines[gid.0 as usize].next_span;
        let stack = self.stack_of(gid);
        self.events.push(Event {
            gid,
            span,
            stack,
            op,
            effects,
        });
    }

    /// End the run because of `fault` raised by `gid`.
    pub(crate) fn fault(&mut self, gid: Gid, fault: Fault) {
        match fault {
            Fault::Limit(l) => {
                if self.status == Status::Running {
                    self.status = Status::Limit(l);
                }
            }
            Fault::Internal(e) => self.internal_error(e),
            Fault::Rt(e) => {
                if e.is_fatal() {
                    self.fail(gid, e, Vec::new(), None);
                } else {
                    // A panic raised outside unwinding machinery (e.g. in `new`): start it.
                    self.start_panic(gid, e);
                }
            }
        }
    }

    /// End the run because racemap broke one of its own invariants (first one wins).
    pub(crate) fn internal_error(&mut self, e: InternalError) {
        if self.status == Status::Running {
            self.status = Status::Internal(e);
        }
    }

    /// End the run with a failure; dumps goroutines as Go does.
    pub(crate) fn fail(
        &mut self,
        gid: Gid,
        error: RtError,
        previous: Vec<String>,
        panic_stack: Option<(Vec<StackFrame>, Vec<String>)>,
    ) {
        if self.status != Status::Running {
            return;
        }
        let mut goroutines = Vec::new();
        let deadlock = error == RtError::deadlock();
        if deadlock {
            for g in &self.goroutines {
                if g.is_live() {
                    goroutines.push(self.dump(g.gid, None, false));
                }
            }
        } else {
            goroutines.push(self.dump(gid, panic_stack, true));
            if error.is_fatal() {
                for g in &self.goroutines {
                    if g.gid != gid && g.is_live() {
                        goroutines.push(self.dump(g.gid, None, false));
                    }
                }
            }
        }
        let message = error.first_line();
        let op = Op::Fatal { message };
        if (gid.0 as usize) < self.goroutines.len() {
            self.emit(gid, op, Vec::new());
        }
        self.status = Status::Failed(RunError {
            error,
            gid,
            previous,
            goroutines,
        });
    }

    fn dump(
        &self,
        gid: Gid,
        stack: Option<(Vec<StackFrame>, Vec<String>)>,
        running: bool,
    ) -> GoroutineDump {
        let g = &self.goroutines[gid.0 as usize];
        let (frames, args) =
            stack.unwrap_or_else(|| (self.stack_of(gid).to_vec(), self.frame_args(gid)));
        // Go's tracebacks elide compiler-made go/defer wrappers (race reports keep them).
        let (frames, args): (Vec<StackFrame>, Vec<String>) = frames
            .into_iter()
            .zip(args.into_iter().chain(std::iter::repeat(String::new())))
            .filter(|(f, _)| {
                !self
                    .program
                    .funcs
                    .get(f.func.0 as usize)
                    .is_some_and(|func| func.wrapper)
            })
            .unzip();
        let state = match (&g.status, &g.next) {
            _ if running => "running".to_string(),
            (GoStatus::Sleeping(_), _) => "sleep".to_string(),
            (_, Some(v)) if self.is_blocked(gid) => self.wait_reason(v).as_str().to_string(),
            _ => "runnable".to_string(),
        };
        GoroutineDump {
            go_id: g.go_id,
            state,
            frames: frames
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let mut d = self.dump_frame(f);
                    d.args = args.get(i).cloned().unwrap_or_default();
                    d
                })
                .collect(),
            created_by: g.created_by.as_ref().map(|f| self.dump_frame(f)),
        }
    }

    fn is_blocked(&self, gid: Gid) -> bool {
        let g = &self.goroutines[gid.0 as usize];
        match (&g.status, &g.next) {
            (
                GoStatus::Parked,
                Some(Visible::Select {
                    arms, has_default, ..
                }),
            ) => !*has_default && !arms.iter().any(|a| self.arm_ready(gid, a)),
            (GoStatus::Parked, Some(v)) => !self.enabled(gid, v),
            _ => false,
        }
    }

    /// The arguments of each frame (innermost first) as Go's traceback prints them: one hex
    /// word per integer, bool or pointer, `{ptr, len}` for strings, `{ptr, len, cap}` for
    /// slices (addresses are racemap's fake, deterministic ones).
    pub(crate) fn frame_args(&self, gid: Gid) -> Vec<String> {
        let g = &self.goroutines[gid.0 as usize];
        g.frames
            .iter()
            .rev()
            .map(|f| {
                let func = self.program.func(f.func);
                let n = (func.params as usize).min(f.locals.len());
                let words: Vec<String> = f.locals[..n].iter().map(arg_words).collect();
                words.join(", ")
            })
            .collect()
    }

    fn dump_frame(&self, f: &StackFrame) -> DumpFrame {
        let func = self.program.func(f.func);
        let offset = (f.span.lo.saturating_sub(func.span.lo)).wrapping_mul(3) % 0x1f0 + 0x11;
        DumpFrame {
            name: f.name.to_string(),
            args: String::new(),
            file: self.program.source_map.file_name.clone(),
            line: self.program.source_map.line(f.span.lo),
            offset,
        }
    }

    /// Whether `choice` is in [`Machine::runnable`], without building the whole list.
    fn choice_runnable(&self, choice: Choice) -> bool {
        let Some(g) = self.goroutines.get(choice.gid.0 as usize) else {
            return false;
        };
        match (&g.status, &g.next) {
            (
                GoStatus::Parked,
                Some(Visible::Select {
                    arms, has_default, ..
                }),
            ) => match arms.get(choice.alt as usize) {
                Some(arm) => self.arm_ready(g.gid, arm),
                None => {
                    *has_default
                        && choice.alt as usize == arms.len()
                        && !arms.iter().any(|a| self.arm_ready(g.gid, a))
                }
            },
            (GoStatus::Parked, Some(v)) => choice.alt == 0 && self.enabled(g.gid, v),
            (GoStatus::Sleeping(_), _) => self.runnable().contains(&choice),
            _ => false,
        }
    }

    /// Some goroutine can move (stops at the first one found).
    fn any_runnable(&self) -> bool {
        self.goroutines.iter().any(|g| match (&g.status, &g.next) {
            (GoStatus::Sleeping(_), _) => true,
            (GoStatus::Parked, Some(v)) => self.enabled(g.gid, v),
            _ => false,
        })
    }

    /// After a step: if nothing can move, the program deadlocked.
    pub(crate) fn check_deadlock(&mut self) {
        if self.status == Status::Running && !self.any_runnable() {
            self.fail(Gid::MAIN, RtError::deadlock(), Vec::new(), None);
        }
    }

    // ----- enabledness -----

    fn parked_partner(&self, me: Gid, chan: ChanId, want_recv: bool) -> Option<(Gid, Option<u32>)> {
        for g in &self.goroutines {
            if g.gid == me || g.status != GoStatus::Parked {
                continue;
            }
            match &g.next {
                Some(Visible::Recv { chan: Some(c), .. }) if want_recv && *c == chan => {
                    return Some((g.gid, None))
                }
                Some(Visible::Send(Some(c), _)) if !want_recv && *c == chan => {
                    return Some((g.gid, None))
                }
                Some(Visible::Select { arms, .. }) => {
                    for (i, a) in arms.iter().enumerate() {
                        if a.chan == Some(chan) && (a.send.is_none() == want_recv) {
                            return Some((g.gid, Some(i as u32)));
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The partner a rendezvous by `me` on `chan` would complete with.
    pub(crate) fn partner(
        &self,
        me: Gid,
        chan: ChanId,
        me_sends: bool,
    ) -> Option<(Gid, Option<u32>)> {
        self.parked_partner(me, chan, me_sends)
    }

    pub(crate) fn arm_ready(&self, gid: Gid, arm: &crate::rt::goroutine::SelectArm) -> bool {
        let Some(c) = arm.chan else { return false };
        let ch = self.heap.chan(c);
        if arm.send.is_some() {
            ch.can_send_buffered() || (ch.is_unbuffered() && self.partner(gid, c, true).is_some())
        } else {
            ch.can_recv_buffered() || (ch.is_unbuffered() && self.partner(gid, c, false).is_some())
        }
    }

    fn sync_at(&self, args: &[Value]) -> Option<&SyncState> {
        match args.first() {
            Some(Value::Ptr(Some(p))) => self.heap.sync(p).ok(),
            _ => None,
        }
    }

    pub(crate) fn enabled(&self, gid: Gid, v: &Visible) -> bool {
        match v {
            Visible::Send(None, _) | Visible::Recv { chan: None, .. } => false,
            Visible::Send(Some(c), _) => {
                let ch = self.heap.chan(*c);
                ch.can_send_buffered()
                    || (ch.is_unbuffered() && self.partner(gid, *c, true).is_some())
            }
            Visible::Recv { chan: Some(c), .. } => {
                let ch = self.heap.chan(*c);
                ch.can_recv_buffered()
                    || (ch.is_unbuffered() && self.partner(gid, *c, false).is_some())
            }
            Visible::Select {
                arms, has_default, ..
            } => *has_default || arms.iter().any(|a| self.arm_ready(gid, a)),
            Visible::RwLockFinish(p) => match self.heap.sync(p) {
                Ok(SyncState::RwMutex(s)) => s.can_finish_lock(),
                _ => true,
            },
            Visible::Wake => false,
            Visible::SyncMap(inflight) => match self.heap.sync(&inflight.ptr) {
                Ok(SyncState::Map(s)) => s.can_step(&inflight.op),
                _ => true,
            },
            Visible::Lib { func, args, .. } => match (func, self.sync_at(args)) {
                (LibFunc::MutexLock, Some(SyncState::Mutex(s))) => s.can_lock(),
                (LibFunc::RwMutexLock, Some(SyncState::RwMutex(s))) => s.can_start_lock(),
                (LibFunc::RwMutexRLock, Some(SyncState::RwMutex(s))) => s.can_rlock(),
                (LibFunc::WaitGroupWait, Some(SyncState::WaitGroup(s))) => s.can_wait(),
                (LibFunc::OnceDo, Some(SyncState::Once(s))) => s.can_start(),
                (f, Some(SyncState::Map(s))) if crate::rt::sync_map::is_sync_map_method(*f) => {
                    s.mu.can_lock()
                }
                _ => true,
            },
            _ => true,
        }
    }

    pub(crate) fn wait_reason(&self, v: &Visible) -> WaitReason {
        match v {
            Visible::Send(None, _) => WaitReason::ChanSendNil,
            Visible::Recv { chan: None, .. } => WaitReason::ChanReceiveNil,
            Visible::Send(..) => WaitReason::ChanSend,
            Visible::Recv { .. } => WaitReason::ChanReceive,
            Visible::Select { arms, .. } if arms.is_empty() => WaitReason::SelectNoCases,
            Visible::Select { .. } => WaitReason::Select,
            Visible::RwLockFinish(_) => WaitReason::RwMutexLock,
            Visible::SyncMap(_) => WaitReason::MutexLock,
            Visible::Wake => WaitReason::Sleep,
            Visible::Lib { func, .. } => match func {
                LibFunc::MutexLock => WaitReason::MutexLock,
                LibFunc::RwMutexLock => WaitReason::RwMutexLock,
                LibFunc::RwMutexRLock => WaitReason::RwMutexRLock,
                LibFunc::WaitGroupWait => WaitReason::WaitGroupWait,
                LibFunc::OnceDo => WaitReason::OnceDo,
                _ => WaitReason::MutexLock,
            },
            _ => WaitReason::Select,
        }
    }

    fn footprint(&self, v: &Visible) -> (PendingKind, Footprint) {
        let mut f = Footprint::default();
        let kind = match v {
            Visible::Load(p) => {
                if let Some(p) = p {
                    f.memory.push((p.clone(), false));
                }
                PendingKind::Load
            }
            Visible::Store(p, _) => {
                if let Some(p) = p {
                    f.memory.push((p.clone(), true));
                }
                PendingKind::Store
            }
            Visible::MapGet { map, .. } | Visible::MapLen(map) => {
                if let Some(m) = map {
                    f.maps.push((*m, false));
                }
                PendingKind::MapRead
            }
            Visible::MapWriteBegin { map, .. } => {
                if let Some(m) = map {
                    f.maps.push((*m, true));
                }
                PendingKind::MapWriteBegin
            }
            Visible::MapWriteEnd { map, .. } => {
                f.maps.push((*map, true));
                PendingKind::MapWriteEnd
            }
            Visible::MapIterNext { .. } => PendingKind::MapIterate,
            Visible::Append { slice, .. } => {
                if let Value::Slice(Some(s)) = slice {
                    f.memory.push((Pointer::root(s.obj), true));
                }
                PendingKind::SliceWrite
            }
            Visible::Copy { dst, src } => {
                if let Value::Slice(Some(s)) = dst {
                    f.memory.push((Pointer::root(s.obj), true));
                }
                if let Value::Slice(Some(s)) = src {
                    f.memory.push((Pointer::root(s.obj), false));
                }
                PendingKind::SliceWrite
            }
            Visible::Go { .. } => {
                f.spawn = true;
                PendingKind::Go
            }
            Visible::Send(c, _) => {
                f.chans.extend(c.iter().copied());
                PendingKind::Send
            }
            Visible::Recv { chan, .. } => {
                f.chans.extend(chan.iter().copied());
                PendingKind::Recv
            }
            Visible::Close(c) => {
                f.chans.extend(c.iter().copied());
                PendingKind::Close
            }
            Visible::Select { arms, .. } => {
                f.chans.extend(arms.iter().filter_map(|a| a.chan));
                PendingKind::Select
            }
            Visible::Lib { func, args, .. } => {
                match func {
                    LibFunc::FmtPrint | LibFunc::FmtPrintln | LibFunc::FmtPrintf => f.output = true,
                    LibFunc::TimeSleep => {}
                    _ => {
                        if let Some(Value::Ptr(Some(p))) = args.first() {
                            f.sync.push(p.clone());
                        }
                    }
                }
                PendingKind::Lib(*func)
            }
            Visible::RwLockFinish(p) => {
                f.sync.push(p.clone());
                PendingKind::RwLockFinish
            }
            Visible::OnceDone(p) => {
                f.sync.push(p.clone());
                PendingKind::OnceDone
            }
            Visible::SyncMap(inflight) => {
                f.sync.push(inflight.ptr.clone());
                PendingKind::SyncMapStep
            }
            Visible::Print { .. } => {
                f.output = true;
                PendingKind::Print
            }
            Visible::Wake => PendingKind::Wake,
            Visible::Exit => PendingKind::Exit,
        };
        (kind, f)
    }

    // ----- helpers for visible operations -----

    pub(crate) fn new_chan(
        &mut self,
        elem: crate::lang::types::TypeId,
        cap: i64,
    ) -> Result<Value, Fault> {
        if cap < 0 || cap > i64::from(u32::MAX) {
            return Err(RtError::makechan_size().into());
        }
        let id = self
            .heap
            .alloc_chan(&self.config, ChanObj::new(elem, cap as u32))?;
        Ok(Value::Chan(Some(id)))
    }

    pub(crate) fn new_map(&mut self, ty: crate::lang::types::TypeId) -> Result<MapId, Fault> {
        let (k, v) = match self.program.types.under(ty) {
            crate::lang::types::TypeKind::Map(k, v) => (*k, *v),
            _ => (ty, ty),
        };
        Ok(self.heap.alloc_map(&self.config, MapObj::new(k, v))?)
    }

    /// Locations of every scalar inside a value stored at `p` (capped), for read/write effects.
    pub(crate) fn leaf_locs(&self, p: &Pointer, v: &Value, write: bool, out: &mut Vec<Effect>) {
        fn walk(p: &Pointer, v: &Value, write: bool, out: &mut Vec<Effect>, budget: &mut u32) {
            match v {
                Value::Struct(fs) | Value::Array(fs) if !fs.is_empty() && *budget > 0 => {
                    for (i, f) in fs.iter().enumerate() {
                        walk(&p.child(i as u32), f, write, out, budget);
                    }
                }
                Value::Sync(_) => {}
                _ => {
                    if *budget > 0 {
                        *budget -= 1;
                        let loc = Loc::Heap(p.clone());
                        out.push(if write {
                            Effect::Write(loc)
                        } else {
                            Effect::Read(loc)
                        });
                    }
                }
            }
        }
        let mut budget = 64;
        walk(p, v, write, out, &mut budget);
    }

    /// A `go` statement's child: created, Go number assigned, pre-run to its first op.
    pub(crate) fn spawn(
        &mut self,
        parent: Gid,
        func: Value,
        args: Vec<Value>,
    ) -> Result<Gid, Fault> {
        if self.goroutines.len() as u64 >= u64::from(self.config.max_goroutines) {
            return Err(LimitHit::Goroutines(self.config.max_goroutines).into());
        }
        let Value::Func(Some(clo)) = func else {
            return Err(RtError::nil_deref().into());
        };
        let gid = Gid(self.goroutines.len() as u32);
        let go_id = self.config.first_goroutine_id + u64::from(gid.0) - 1;
        let created_by = self.stack_of(parent).first().cloned();
        self.goroutines.push(Goroutine {
            gid,
            go_id,
            frames: Vec::new(),
            status: GoStatus::Parked,
            next: None,
            next_span: Span::default(),
            panicking: None,
            iters: Vec::new(),
            created_by,
            root: clo.func,
        });
        let mut all = Vec::new();
        if let Some(b) = &clo.bound {
            all.push(b.clone());
        }
        all.extend(args);
        self.push_call(
            gid,
            clo.func,
            all,
            Rc::from(clo.captures.clone()),
            FrameKind::Root,
        )?;
        Ok(gid)
    }

    /// The span of the function's closing brace (for `Exit`).
    pub(crate) fn func_end(&self, f: FuncId) -> Span {
        let s = self.program.func(f).span;
        Span::new(s.hi.saturating_sub(1), s.hi)
    }

    /// The zero value of a type (a closed-channel receive, a missing map key).
    pub(crate) fn zero_of(&self, ty: crate::lang::types::TypeId) -> Result<Value, Fault> {
        Ok(crate::rt::heap::zero_value(
            &self.program.types,
            ty,
            &self.config,
        )?)
    }
}

/// One argument as Go's traceback prints it.
fn arg_words(v: &Value) -> String {
    fn addr(obj: u32) -> u64 {
        0xc000010000 + u64::from(obj) * 0x100
    }
    match v {
        Value::Int(i) => format!("{:#x}", *i as u64),
        Value::Bool(b) => format!("{:#x}", u8::from(*b)),
        Value::Float(f) => format!("{:#x}", f.to_bits()),
        Value::Str(s) => format!(
            "{{{:#x}, {:#x}}}",
            0x4b0000 + (s.len() as u64 % 0x1000),
            s.len()
        ),
        Value::Ptr(Some(p)) => format!("{:#x}", addr(p.obj.0)),
        Value::Slice(Some(s)) => format!("{{{:#x}, {:#x}, {:#x}}}", addr(s.obj.0), s.len, s.cap),
        Value::Slice(None) => "{0x0, 0x0, 0x0}".to_string(),
        Value::Map(Some(m)) => format!("{:#x}", 0xc000070000 + u64::from(m.0) * 0x30),
        Value::Chan(Some(c)) => format!("{:#x}", 0xc000080000 + u64::from(c.0) * 0x60),
        Value::Iface(Some(_)) => "{0x48a0e0, 0xc000012000}".to_string(),
        Value::Iface(None) => "{0x0, 0x0}".to_string(),
        Value::Struct(_) | Value::Array(_) | Value::Sync(_) => "{...}".to_string(),
        _ => "0x0".to_string(),
    }
}

/// Whether the program calls into package `fmt` (which initializes `os`, whose finalizer
/// goroutine takes Go's goroutine number 5).
fn uses_fmt(program: &Program) -> bool {
    use crate::bytecode::Instr;
    program
        .funcs
        .iter()
        .flat_map(|f| f.code.iter())
        .any(|i| match i {
            Instr::CallLib { func, .. } | Instr::DeferLib { func, .. } => matches!(
                func,
                LibFunc::FmtPrint
                    | LibFunc::FmtPrintln
                    | LibFunc::FmtPrintf
                    | LibFunc::FmtSprint
                    | LibFunc::FmtSprintln
                    | LibFunc::FmtSprintf
                    | LibFunc::FmtErrorf
            ),
            _ => false,
        })
}
