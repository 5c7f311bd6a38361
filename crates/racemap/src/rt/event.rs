//! What one scheduler step did: [`Event`]s.
//!
//! The runtime emits events; everything else consumes them: the race detector reads their
//! memory-model [`Effect`]s, the trace and the visualizer read their [`Op`]s, the explorer reads
//! which resources they touched. An event never refers to runtime internals other than ids.
//!
//! Invariant: each visible operation produces exactly one event with a non-`None` op; effects
//! are listed in the order they happen (e.g. a mutex `Lock` is `[Acquire(mutex)]`, a rendezvous on
//! an unbuffered channel is `[Release(msg), Acquire(msg)]` from both sides, see `rt::chan`).

use crate::diag::Span;
use crate::rt::value::{ChanId, FuncId, MapId, Pointer, Value};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// A goroutine, by index into the machine's goroutine table (0 is `main`).
///
/// Go numbers goroutines differently (`goroutine 1` is main); see `Machine::go_id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Gid(pub u32);

impl std::hash::Hash for Gid {
    /// The id as `rt::gid_rename` renames it (itself outside the explorer's symmetric key).
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        h.write_u32(crate::rt::gid_rename::renamed(self.0));
    }
}

impl crate::dense::DenseId for Gid {
    fn index(self) -> usize {
        self.0 as usize
    }
}

impl Gid {
    /// The main goroutine.
    pub const MAIN: Gid = Gid(0);
}

/// One frame of a goroutine's call stack, innermost first in a stack.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StackFrame {
    /// The function.
    pub func: FuncId,
    /// Go's runtime name of the function: `main.main`, `main.(*Cache).Get`, `main.main.func1`.
    pub name: Rc<str>,
    /// The position the frame is at (the call, or the current operation for the innermost).
    pub span: Span,
}

/// A call stack, innermost frame first.
pub type Stack = Rc<[StackFrame]>;

/// A memory location as the race detector sees it. Struct fields and array/slice elements are
/// separate locations; a map is one location (Go's detector treats every map operation as a read
/// or write of the whole map, so different keys still race).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Loc {
    /// A variable on the heap: an escaping local, a global, a field, an element.
    Heap(Pointer),
    /// A whole map.
    Map(MapId),
    /// The element slot `n` of a map (its memory as user code loads and stores it; see
    /// `rt::map`).
    MapSlot(MapId, u32),
    /// A channel as memory (Go's `c.raceaddr()`): `close` writes it, a send reads it, so a send
    /// not ordered before a close races with it. `len`/`cap` and receives do not access it.
    Chan(ChanId),
    /// The semaphore word of a `sync.WaitGroup` (Go 1.19's `semap`): the first `Add` from zero
    /// reads it and the first `Wait` that has to block writes it, so an `Add` from zero not
    /// ordered before such a `Wait` is a data race (sync/waitgroup.go's annotations).
    WaitGroupSema(Pointer),
}

/// A synchronization variable: what releases and acquires of the memory model act on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SyncVar {
    /// A `sync.Mutex`, or the writer side of a `sync.RWMutex` (Unlock → next Lock or RLock).
    Lock(Pointer),
    /// The reader side of a `sync.RWMutex` (RUnlock → next Lock).
    ReadLock(Pointer),
    /// A `sync.WaitGroup` (Done → the Wait it unblocks).
    WaitGroup(Pointer),
    /// A `sync.Once` (completion of f → return of every Do).
    Once(Pointer),
    /// A channel buffer slot (k-th receive → (k+C)-th send completes; send → receive).
    ChanSlot(ChanId, u32),
    /// A channel's close (close → receive that observes it).
    ChanClose(ChanId),
    /// A `sync.Map` entry (a write → the read that observes it).
    SyncMapKey(Pointer, crate::rt::value::MapKey),
    /// An atomic variable (observed write → observing read; atomics are sequentially consistent).
    Atomic(Pointer),
    /// A value put in a `sync.Pool` (its pointer, or the pool's for a value with none): `Put`
    /// releases, the `Get` that returns it acquires (Go's `poolRaceAddr` under `-race`).
    Pool(Pointer),
    /// Package `testing`'s `testContext.mu`, one per test binary: `waitParallel` (a parallel
    /// test starting after its parent's body) and `release` (a parallel test ending, a test
    /// releasing its parallel subtests) lock and unlock it, ordering a parallel test that
    /// ends before another starts.
    TestContext,
    /// The lock word of an open file's `internal/poll.fdMutex` (`fd.pfd.fdmu.state`; 1 is
    /// `os.Stdout`, 2 `os.Stderr`): every write to the file takes and releases it with atomic
    /// compare-and-swaps, acquire and release for the race detector, also when it only
    /// registers as a waiter (`rt::interp::file`).
    File(i64),
}

/// One memory-model effect of a step.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Effect {
    /// A plain (non-atomic) read.
    Read(Loc),
    /// A plain (non-atomic) write.
    Write(Loc),
    /// A plain read of a variable nothing writes after its declaration
    /// ([`Program::final_loads`](crate::bytecode::Program::final_loads)): checked like a
    /// [`Effect::Read`], but no later access can race with it, so the race detector does not
    /// record it.
    FinalRead(Loc),
    /// An atomic access; atomics never race with each other but do with plain accesses.
    Atomic {
        /// The location.
        loc: Loc,
        /// Store or read-modify-write.
        write: bool,
        /// No plain access of `loc` follows (a variable only atomic operations use,
        /// `lang::check::atomic_only`): the race detector checks the access but need not
        /// record it.
        exclusive: bool,
    },
    /// This goroutine acquires `var` (joins its clock into the goroutine's).
    Acquire(SyncVar),
    /// This goroutine releases into `var` (joins the goroutine's clock into it).
    Release(SyncVar),
    /// The `go` statement: the child starts after everything the parent did so far.
    Spawn(Gid),
}

/// Why a goroutine cannot move, in Go's wording for stack dumps (`[chan send]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WaitReason {
    /// `chan send`
    ChanSend,
    /// `chan receive`
    ChanReceive,
    /// `chan send (nil chan)`
    ChanSendNil,
    /// `chan receive (nil chan)`
    ChanReceiveNil,
    /// `select`
    Select,
    /// `select (no cases)`
    SelectNoCases,
    /// `sync.Mutex.Lock`
    MutexLock,
    /// `sync.RWMutex.Lock`
    RwMutexLock,
    /// `sync.RWMutex.RLock`
    RwMutexRLock,
    /// `sync.WaitGroup.Wait`
    WaitGroupWait,
    /// `sync.Once.Do` (waiting for another goroutine's f)
    OnceDo,
    /// `sync.Cond.Wait`
    CondWait,
    /// `sleep`
    Sleep,
    /// `semacquire` (a runtime semaphore: a write waiting for a file's `fdMutex`)
    Semacquire,
}

impl WaitReason {
    /// Go's text in `goroutine N [REASON]:`.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitReason::ChanSend => "chan send",
            WaitReason::ChanReceive => "chan receive",
            WaitReason::ChanSendNil => "chan send (nil chan)",
            WaitReason::ChanReceiveNil => "chan receive (nil chan)",
            WaitReason::Select => "select",
            WaitReason::SelectNoCases => "select (no cases)",
            WaitReason::MutexLock => "sync.Mutex.Lock",
            WaitReason::RwMutexLock => "sync.RWMutex.Lock",
            WaitReason::RwMutexRLock => "sync.RWMutex.RLock",
            WaitReason::WaitGroupWait => "sync.WaitGroup.Wait",
            WaitReason::OnceDo => "sync.Once.Do",
            WaitReason::CondWait => "sync.Cond.Wait",
            WaitReason::Semacquire => "semacquire",
            WaitReason::Sleep => "sleep",
        }
    }
}

/// The steps of a `sync.Cond`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CondOp {
    /// `Wait` took its ticket (before unlocking `c.L`).
    Enqueue {
        /// The ticket.
        ticket: u64,
    },
    /// `Wait` was notified and returns (next: it re-locks `c.L`).
    Woken {
        /// The ticket.
        ticket: u64,
    },
    /// `Signal`: `woke` tells whether a waiting ticket was notified.
    Signal {
        /// A waiter was notified.
        woke: bool,
    },
    /// `Broadcast`: how many waiting tickets it notified.
    Broadcast {
        /// Tickets notified.
        woke: u64,
    },
}

/// What a visible operation was, for the trace, the visualizer and `--trace`.
///
/// Objects are named by id; the runtime's snapshot resolves them to names and contents.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Op {
    /// Read of a shared variable.
    Load {
        /// Where.
        ptr: Pointer,
        /// The value read.
        value: Value,
    },
    /// Write of a shared variable.
    Store {
        /// Where.
        ptr: Pointer,
        /// The value written.
        value: Value,
    },
    /// A composite literal's initializing stores (`rt::interp::init_writes`), for the race
    /// detector only: the playback shows no such event.
    Init {
        /// A map literal's first key (its kind names `mapassign`'s frame); `None` for a cell
        /// or an array.
        key: Option<Value>,
    },
    /// `v := m[k]` / `len(m)` / `v, ok := m[k]`.
    MapRead {
        /// The map.
        map: MapId,
        /// The key, `None` for `len(m)`.
        key: Option<Value>,
    },
    /// First half of a map write: the writing flag is checked and set.
    MapWriteBegin {
        /// The map.
        map: MapId,
        /// The key written (`None` for `clear`).
        key: Option<Value>,
        /// `true` for `delete`.
        delete: bool,
    },
    /// Second half of a map write: the entry changes, the flag is checked and cleared.
    MapWriteEnd {
        /// The map.
        map: MapId,
        /// The key written (`None` for `clear`).
        key: Option<Value>,
        /// `true` for `delete`.
        delete: bool,
    },
    /// One step of `for k, v := range m`.
    MapIterate {
        /// The map.
        map: MapId,
        /// The key produced, `None` when the iteration ends.
        key: Option<Value>,
    },
    /// A `sync.Mutex` or `sync.RWMutex` operation that completed.
    Lock {
        /// The mutex's address.
        mutex: Pointer,
        /// Which operation.
        kind: LockOp,
    },
    /// A channel send that completed (into the buffer or to a waiting receiver).
    Send {
        /// The channel.
        chan: ChanId,
        /// The value sent.
        value: Value,
        /// The receiving goroutine, for a direct hand-off.
        to: Option<Gid>,
    },
    /// A channel receive that completed.
    Recv {
        /// The channel.
        chan: ChanId,
        /// The value received.
        value: Value,
        /// `false` when it returned because the channel is closed and drained.
        ok: bool,
        /// The sending goroutine, for a direct hand-off.
        from: Option<Gid>,
    },
    /// A send (or a `select` send case) found the channel closed: it reads the channel, as every
    /// send does first, and panics `send on closed channel` next.
    SendOnClosed {
        /// The channel.
        chan: ChanId,
    },
    /// `len(ch)` read the number of buffered values.
    ChanLen {
        /// The channel.
        chan: ChanId,
        /// The length read.
        len: i64,
    },
    /// `close(ch)`.
    Close {
        /// The channel.
        chan: ChanId,
    },
    /// A `select` that chose a case (`None`: the default case).
    Select {
        /// Index of the chosen case in source order.
        case: Option<u32>,
    },
    /// `wg.Add(delta)` / `wg.Done()` (delta -1).
    WaitGroupAdd {
        /// The WaitGroup's address.
        wg: Pointer,
        /// The delta.
        delta: i64,
        /// The counter after the change.
        counter: i64,
    },
    /// `wg.Wait()` found the counter above zero: it registered as a waiter and blocks.
    WaitGroupBlock {
        /// The WaitGroup's address.
        wg: Pointer,
    },
    /// The `Add`/`Done` that brought the counter to zero reset the state and woke the waiters.
    WaitGroupWake {
        /// The WaitGroup's address.
        wg: Pointer,
        /// How many waiters it woke.
        waiters: u32,
    },
    /// `wg.Wait()` returned.
    WaitGroupWait {
        /// The WaitGroup's address.
        wg: Pointer,
    },
    /// `once.Do(f)`: `ran` tells whether this call runs f.
    OnceDo {
        /// The Once's address.
        once: Pointer,
        /// This call runs f.
        ran: bool,
    },
    /// `runtime.Gosched()` (`result: None`), `runtime.NumGoroutine()` (the count),
    /// `runtime.GOMAXPROCS(n)` (`arg: Some(n)`, the previous setting) or `os.Exit(code)`
    /// (`call: "os.Exit"`, the code).
    Runtime {
        /// `Gosched`, `NumGoroutine`, `GOMAXPROCS` or `os.Exit`.
        call: &'static str,
        /// The integer argument, for a call that takes one and returns a result.
        arg: Option<i64>,
        /// What it returned.
        result: Option<i64>,
    },
    /// A `sync.Cond` notify-list operation (see `rt::cond`).
    Cond {
        /// The address of the Cond's notify list.
        cond: Pointer,
        /// Which operation.
        kind: CondOp,
    },
    /// f of a `once.Do` returned: the Once is done.
    OnceDone {
        /// The Once's address.
        once: Pointer,
    },
    /// A `sync.Map` step (one of its internal steps; see `rt::sync_map`).
    SyncMap {
        /// The sync.Map's address.
        map: Pointer,
        /// What happened in this step, in words (`Load: miss in read, amended → lock mu`).
        step: String,
    },
    /// An atomic operation.
    Atomic {
        /// The variable.
        ptr: Pointer,
        /// `AddInt64`, `Load`, `CompareAndSwap`, …
        name: String,
        /// The value after the operation (for loads, the value read).
        value: Value,
    },
    /// `go f()`.
    Go {
        /// The new goroutine.
        child: Gid,
    },
    /// The goroutine's function returned.
    Exit,
    /// `time.Sleep(d)` began (`until` is the virtual time it wakes at, in nanoseconds).
    Sleep {
        /// Wake-up time.
        until: i64,
    },
    /// The sleep ended.
    Wake,
    /// A call of package `context` (`WithCancel`, `Done`, `Err`, a `CancelFunc`) on the context
    /// at `ctx`.
    Context {
        /// The context.
        ctx: Option<Pointer>,
        /// The function's name (`WithCancel`, `Done`, `WithCancel.func1` for a cancel,
        /// `WithCancel.func1 (already canceled)` for a cancel that does nothing,
        /// `WithDeadline.func2` for a deadline that passes).
        call: &'static str,
    },
    /// A clock or timer operation of package `time` (`rt::timer`): on the timer at `timer`
    /// (`None` for `time.Now`/`time.Since`).
    Timer {
        /// The runtime timer (the field `r` of a `time.Timer`/`time.Ticker`).
        timer: Option<Pointer>,
        /// What happened.
        op: TimerOp,
    },
    /// Output to stdout (`fmt.Print*`) or stderr (`println`).
    Print {
        /// The text (an invalid byte of a Go string shows as U+FFFD; the machine's stdout
        /// keeps the bytes).
        text: String,
        /// `true` for the builtin `print`/`println`, which write to stderr.
        stderr: bool,
    },
    /// A write to a file (`fmt.Fprint*`, `fmt.Print*`) found the file's `fdMutex` held by
    /// another write and registered as a waiter (`rt::interp::file`).
    FileWait {
        /// The file descriptor (1 stdout, 2 stderr).
        fd: i64,
    },
    /// A write to a file unlocks the file's `fdMutex` (`rt::interp::file`).
    FileUnlock {
        /// The file descriptor (1 stdout, 2 stderr).
        fd: i64,
    },
    /// A goroutine blocked (in the park model) or was found blocked; for display only.
    Block {
        /// Why.
        reason: WaitReason,
    },
    /// A panic started (`panic: ...`); unwinding follows.
    Panic {
        /// The panic value as Go prints it after `panic: `.
        message: String,
    },
    /// The program ended with a fatal error or an unrecovered panic.
    Fatal {
        /// The first line, e.g. `fatal error: concurrent map writes`.
        message: String,
    },
}

/// What a step did to the clock or a runtime timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimerOp {
    /// `time.Now` / `time.Since` read the virtual clock.
    Now,
    /// A new timer was armed.
    Arm {
        /// The virtual time (ns) it fires at.
        when: i64,
        /// How long from now (ns): the duration the program passed.
        after: i64,
        /// The call that made it (`time.After`, `context.WithTimeout`, …).
        made_by: &'static str,
    },
    /// `Stop`: the timer was armed (and now is not).
    Stop {
        /// It was armed.
        was_armed: bool,
    },
    /// `Reset`: re-armed to fire at `when`.
    Reset {
        /// It was armed before.
        was_armed: bool,
        /// The new deadline (ns).
        when: i64,
        /// How long from now (ns).
        after: i64,
    },
    /// The timer fired: it sends the time on `chan` (the next event of the step), or, for
    /// `time.AfterFunc` (`chan` is `None`), starts its function in a new goroutine.
    Fire {
        /// The channel it sends on.
        chan: Option<ChanId>,
    },
    /// A channel timer fired while its channel's buffer was full: the tick was dropped.
    Dropped,
}

/// Mutex operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LockOp {
    /// `Lock` acquired.
    Lock,
    /// `Unlock`.
    Unlock,
    /// `RLock` acquired.
    RLock,
    /// `RUnlock`.
    RUnlock,
    /// A writer announced itself and waits for active readers (RWMutex writer preference).
    LockPending,
    /// `TryLock` / `TryRLock` that failed.
    TryFailed,
}

/// What one step did.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Event {
    /// Who moved.
    pub gid: Gid,
    /// The operation's source position.
    pub span: Span,
    /// The call stack at the operation, innermost first.
    pub stack: Stack,
    /// What happened.
    pub op: Op,
    /// What it means for the memory model.
    pub effects: Vec<Effect>,
}

impl Event {
    /// The step only looked, the way a goroutine polls while it waits for another: a `select`
    /// that took its default, `runtime.Gosched` or `NumGoroutine`, a read of the clock
    /// (`time.Now`, `Since`, `Until`), `len(ch)`, a failed `TryLock`, or an atomic operation
    /// that wrote nothing (a load, a failed compare-and-swap). Under
    /// [`crate::rt::config::WakeOrder::RunningClock`] such a step costs virtual time.
    pub fn polls(&self) -> bool {
        match &self.op {
            Op::Select { case: None } | Op::ChanLen { .. } => true,
            Op::Runtime { call, .. } => matches!(*call, "Gosched" | "NumGoroutine"),
            Op::Timer {
                op: TimerOp::Now, ..
            } => true,
            Op::Lock {
                kind: LockOp::TryFailed,
                ..
            } => true,
            Op::Atomic { .. } => !self
                .effects
                .iter()
                .any(|e| matches!(e, Effect::Atomic { write: true, .. })),
            _ => false,
        }
    }
}
