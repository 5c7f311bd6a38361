//! A goroutine: call frames, its parked visible operation, and its lifecycle.
//!
//! Step model: a live goroutine is always *parked* before its next visible operation, which is
//! decoded (operands popped off the operand stack) into a [`Visible`] stored in
//! [`Goroutine::next`]. Stepping it runs that operation, then local code until the next visible
//! operation is decoded. Multi-step operations (map write begin → end, RWMutex announce → wait
//! for readers, sleep → wake, Once's f → done) simply park on their next part.
//!
//! Invariant: `status != Done` ⇔ `next.is_some()` once the goroutine has been pre-run.

use crate::bytecode::{LibFunc, SelectId};
use crate::rt::error::RtError;
use crate::rt::event::{Gid, StackFrame};
use crate::rt::map::MapCursor;
use crate::rt::value::{ChanId, FuncId, MapId, Pointer, Value};
use crate::types::TypeId;
use std::rc::Rc;

/// A call deferred with `defer`.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Deferred {
    /// `defer f(args)`.
    Call {
        /// The function value.
        func: Value,
        /// The evaluated arguments.
        args: Vec<Value>,
    },
    /// `defer mu.Unlock()` and other library calls.
    Lib {
        /// The library function.
        func: LibFunc,
        /// The evaluated arguments.
        args: Vec<Value>,
    },
}

/// Why a frame was pushed, i.e. what happens to its results when it returns.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum FrameKind {
    /// An ordinary call: results go to the caller's operand stack.
    Call,
    /// The goroutine's root function: returning ends the goroutine.
    Root,
    /// A deferred call: results are discarded; may `recover`.
    Deferred,
    /// `main.init` run before `main.main`: results discarded.
    Init,
    /// `f` of a `once.Do(f)`: when it returns the goroutine parks on `OnceDone`.
    OnceBody(Pointer),
    /// `f` of a `sync.Map.Range(f)`: when it returns true the Range call steps again.
    RangeBody(Box<SyncMapInFlight>),
}

/// A `sync.Map` call between its steps.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct SyncMapInFlight {
    /// The sync.Map's address.
    pub ptr: Pointer,
    /// The call's step machine.
    pub op: crate::rt::sync_map::SyncMapOp,
    /// Push the call's results when it returns (false for a deferred call).
    pub push_results: bool,
    /// `Range`'s f.
    pub range_f: Option<Value>,
}

/// One call frame.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Frame {
    /// The function.
    pub func: FuncId,
    /// Index of the next instruction.
    pub pc: u32,
    /// Local slots (parameters, results, locals, temporaries).
    pub locals: Vec<Value>,
    /// The operand stack.
    pub stack: Vec<Value>,
    /// The closure's captured cells.
    pub captures: Rc<[Pointer]>,
    /// Deferred calls, run last-in first-out at return or while panicking.
    pub defers: Vec<Deferred>,
    /// What the frame's return means.
    pub kind: FrameKind,
    /// The frame is returning (or unwinding): it runs its remaining defers, then pops.
    pub returning: bool,
    /// Index of the instruction that made the current call out of this frame (for stacks).
    pub call_pc: u32,
}

/// A goroutine's lifecycle.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum GoStatus {
    /// Parked at its next visible operation (which may or may not be enabled).
    Parked,
    /// In `time.Sleep` until the virtual time (ns); its next op is `Wake`.
    Sleeping(i64),
    /// Returned (or the program ended while it was alive: see machine status).
    Done,
}

/// One case of a parked `select`, with its operands.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct SelectArm {
    /// The channel (`None`: a nil channel, never ready).
    pub chan: Option<ChanId>,
    /// `Some(v)` for a send case.
    pub send: Option<Value>,
    /// Element type for receive cases (zero value on closed).
    pub elem: Option<TypeId>,
}

/// A visible operation a goroutine is parked at, with its operands already evaluated.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum Visible {
    /// `*p` read.
    Load(Option<Pointer>),
    /// `*p = v`.
    Store(Option<Pointer>, Value),
    /// `m[k]`.
    MapGet {
        /// The map.
        map: Option<MapId>,
        /// The key.
        key: Value,
        /// Element type.
        elem: TypeId,
        /// Push ok.
        comma_ok: bool,
    },
    /// First step of `m[k] = v` / `delete` / `clear` (`key` None for clear, `value` None for
    /// delete/clear).
    MapWriteBegin {
        /// The map.
        map: Option<MapId>,
        /// The key.
        key: Option<Value>,
        /// The value stored.
        value: Option<Value>,
        /// `clear(m)`.
        clear: bool,
    },
    /// Second step of a map write.
    MapWriteEnd {
        /// The map.
        map: MapId,
        /// The key (display).
        key: Option<Value>,
        /// A delete.
        delete: bool,
    },
    /// `len(m)`.
    MapLen(Option<MapId>),
    /// `len(ch)` (`None`: a nil channel, length 0).
    ChanLen(Option<ChanId>),
    /// One step of `range m`; the cursor is `Goroutine::iters[iter]`.
    MapIterNext {
        /// Index into the goroutine's iteration table.
        iter: usize,
    },
    /// `append(s, elems...)`: the elements to append.
    Append {
        /// The slice.
        slice: Value,
        /// The appended elements.
        elems: Vec<Value>,
        /// Element type.
        elem: TypeId,
        /// Elements come from a slice/string read (`append(s, t...)`): source locations read.
        source: Option<Value>,
    },
    /// `copy(dst, src)`.
    Copy {
        /// Destination slice.
        dst: Value,
        /// Source slice or string.
        src: Value,
    },
    /// `go f(args)`.
    Go {
        /// The function value.
        func: Value,
        /// The arguments.
        args: Vec<Value>,
    },
    /// `ch <- v`.
    Send(Option<ChanId>, Value),
    /// `<-ch`.
    Recv {
        /// The channel.
        chan: Option<ChanId>,
        /// Element type.
        elem: TypeId,
        /// Push ok.
        comma_ok: bool,
    },
    /// `close(ch)`.
    Close(Option<ChanId>),
    /// `select`.
    Select {
        /// The statement.
        id: SelectId,
        /// Its cases with operands.
        arms: Vec<SelectArm>,
        /// Has a default case.
        has_default: bool,
    },
    /// A visible library call with its arguments.
    Lib {
        /// The function.
        func: LibFunc,
        /// Arguments in push order.
        args: Vec<Value>,
        /// Push results (false for deferred calls).
        push_results: bool,
        /// An atomic operation on a variable only atomic operations use
        /// ([`Program::exclusive_atomics`](crate::bytecode::Program::exclusive_atomics)).
        exclusive: bool,
    },
    /// Builtin `print`/`println`.
    Print {
        /// `println`.
        newline: bool,
        /// Boxed operands.
        args: Vec<Value>,
    },
    /// The next step of an in-flight `sync.Map` call.
    SyncMap(Box<SyncMapInFlight>),
    /// A write to a file whose lock attempt registered as a waiter: it takes the file's
    /// `fdMutex` once no other write holds it and writes `text` (`rt::interp::file`).
    FileLock {
        /// The file descriptor.
        fd: i64,
        /// The bytes to write.
        text: Vec<u8>,
        /// The `[]byte` of `(*os.File).Write`, which the write reads once it holds the lock
        /// (Go's `race.ReadRange` in `syscall.Write`).
        source: Option<Value>,
        /// The call's results (`Fprint*`'s `n, err`) to push when it returns, if pushed.
        results: Option<Vec<Value>>,
        /// The write is package `log`'s, under the logger's mutex.
        log: Option<Box<LogWrite>>,
    },
    /// A write to a file holding the file's `fdMutex`: it unlocks it and returns.
    FileUnlock {
        /// The file descriptor.
        fd: i64,
        /// The call's results to push, if pushed.
        results: Option<Vec<Value>>,
        /// The write is package `log`'s, under the logger's mutex.
        log: Option<Box<LogWrite>>,
    },
    /// Second step of `RWMutex.Lock`: wait for the readers to leave.
    RwLockFinish(Pointer),
    /// Second step of a `wg.Add`/`wg.Done` that brought the counter to zero with waiters: check
    /// the state is unchanged and wake them (`rt::waitgroup`).
    WaitGroupWake {
        /// The WaitGroup.
        wg: Pointer,
        /// The waiters registered when the counter reached zero.
        waiters: u32,
    },
    /// A registered `wg.Wait()` blocked on the WaitGroup's semaphore.
    WaitGroupSemacquire(Pointer),
    /// f of a `once.Do` returned: mark the Once done.
    OnceDone(Pointer),
    /// End of `time.Sleep`.
    Wake,
    /// A runtime goroutine's wake-up that fires the runtime timer at this address
    /// (`rt::timer`).
    TimerFire(Pointer),
    /// The root function returned: the goroutine exits (main: the program ends).
    Exit,
}

/// A write to os.Stderr by package `log` (`(*Logger).Output`): it holds the logger's mutex
/// until the file's unlock, then returns, exits or panics.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct LogWrite {
    /// The logger's mutex.
    pub mu: Pointer,
    /// What the call does after the write.
    pub end: LogEnd,
}

/// What a call of package `log` does after its write.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum LogEnd {
    /// `Print*`: returns.
    Return,
    /// `Fatal*`: `os.Exit(1)`.
    Exit,
    /// `Panic*`: panics with the message.
    Panic(String),
}

/// A panic in progress on a goroutine; or, with every frame still in place and a fatal `error`,
/// a fatal error raised in its local code (`fatal error: stack overflow`), parked at
/// `Visible::Exit` to end the program in a step of its own (`Machine::crash_at_next_step`).
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Panicking {
    /// The error.
    pub error: RtError,
    /// `recover()` stopped it; the frame that deferred the recovering call returns normally.
    pub recovered: bool,
    /// Earlier panics superseded by this one (for `panic: A [recovered]` chains).
    pub previous: Vec<crate::gostr::GoString>,
    /// The stack when the panic started (innermost first), for the dump.
    pub stack: Vec<StackFrame>,
    /// Each frame's arguments as Go's traceback prints them (`0x3`), aligned with `stack`.
    pub args: Vec<String>,
    /// How many frames the panic has not unwound yet: frames at this index or above (deferred
    /// calls and the functions they call) return normally to their caller.
    pub unwinding_below: usize,
    /// Not a panic: `runtime.Goexit` unwinding the goroutine. `recover` returns nil and does not
    /// stop it; when every frame is unwound the goroutine ends normally (main's end does not end
    /// the program).
    pub goexit: bool,
    /// The panic that was running a deferred call when this one started in it (Go's panic
    /// link): it goes on once this one is recovered and that deferred call returns.
    pub outer: Option<Box<Panicking>>,
    /// In a plain build (`Config::plain_build`): an operation of the goroutine completed
    /// while the panic was in progress, so others may have seen that it began (its start ran
    /// in local code, which might as well have run just before its next step): main's return
    /// then waits for it (`rt::machine::plain_exit`). Always false in a race build.
    pub seen: bool,
}

/// A goroutine.
#[derive(Clone, Debug, PartialEq, Hash)]
pub struct Goroutine {
    /// Index in the machine's table.
    pub gid: Gid,
    /// Go's goroutine number as the race detector's reports print it (main is 1).
    pub go_id: u64,
    /// The number goroutine dumps (`panic`, `fatal error`) print: the runtime's `goid`, which
    /// a race build does not shift. The race runtime numbers its own contexts (race reports'
    /// `goroutine 7`) and starts one more before the program's goroutines, and one for timers
    /// on the first fire, so a program's first `go` statement is `goroutine 7` in a race report
    /// and `goroutine 6` in a dump of the same run (5 and 6 without `fmt`; Go 1.19.8, checked
    /// with `go run -race`). Main is 1. Under a test (`go test`'s runner) it is `go_id`.
    pub dump_id: u64,
    /// Call frames, outermost first.
    pub frames: Vec<Frame>,
    /// Lifecycle.
    pub status: GoStatus,
    /// The parked visible operation.
    pub next: Option<Visible>,
    /// Source span of the parked operation.
    pub next_span: crate::diag::Span,
    /// A panic being unwound.
    pub panicking: Option<Panicking>,
    /// Map iteration cursors of `range` loops (local slots hold an index into this table).
    pub iters: Vec<(Option<MapId>, MapCursor)>,
    /// The `go` statement that created it (the parent's innermost frame), `None` for main.
    pub created_by: Option<StackFrame>,
    /// The root function (for display when it has no frames left).
    pub root: FuncId,
    /// A runtime goroutine firing a timer (`rt::timer`), not one of the program's: left out of
    /// goroutine dumps, leak reports and `runtime.NumGoroutine`.
    pub runtime: bool,
    /// The virtual time its current sleep or timer was armed (while [`GoStatus::Sleeping`]):
    /// of two sleepers due at the same time, the one armed earlier is due first in Go's real
    /// time (time passes between the two armings).
    pub slept_at: i64,
    /// When it arrived at its parked channel operation (a send, a receive, a `select`), in
    /// the machine's order of arrivals ([`Arrival`]); 0 at any other operation.
    pub arrival: Arrival,
}

/// A goroutine's place in the machine's order of arrivals at channel operations (Go's
/// `runtime/chan.go` queues blocked senders and receivers in a FIFO `waitq`, a `select` on
/// every case's queue at once): of the goroutines parked at a channel's send (receive), the
/// one that arrived first is the rendezvous partner. Only the relative order of the
/// goroutines parked on one channel decides anything, so a state's fingerprint takes that
/// order (`rt::machine::fingerprint`) and a goroutine's own hash leaves the number out.
///
/// The number is the step the arrival came in (high bits) and its rank among all arrivals
/// (low bits): goroutines that arrive in one step (a `go` statement's new goroutine and its
/// spawner, the two sides of a rendezvous) arrive in either order in Go, and a run lets
/// either of them be the later arrival ([`Arrival::same_step`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Arrival(pub u64);

impl Arrival {
    /// Bits of the rank.
    const RANK_BITS: u32 = 24;

    /// The `rank`-th arrival (counted from 1), made in step `step`.
    pub fn at(step: u64, rank: u64) -> Arrival {
        Arrival((step << Self::RANK_BITS) | (rank & ((1 << Self::RANK_BITS) - 1)))
    }

    /// The machine's step this arrival came in (`Machine::steps` during it).
    pub fn step(self) -> u64 {
        self.0 >> Self::RANK_BITS
    }

    /// Both arrivals came in one step.
    pub fn same_step(self, other: Arrival) -> bool {
        self.0 >> Self::RANK_BITS == other.0 >> Self::RANK_BITS
    }
}

impl std::hash::Hash for Arrival {
    /// Nothing: the fingerprint hashes the queues' orders instead (see the type's docs).
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl Goroutine {
    /// A new goroutine with no frame yet (the machine pushes its root call), parked; `(go_id,
    /// dump_id)` are its two numbers.
    pub fn new(
        gid: Gid,
        (go_id, dump_id): (u64, u64),
        root: FuncId,
        created_by: Option<StackFrame>,
    ) -> Goroutine {
        Goroutine {
            gid,
            go_id,
            dump_id,
            frames: Vec::new(),
            status: GoStatus::Parked,
            next: None,
            next_span: crate::diag::Span::default(),
            panicking: None,
            iters: Vec::new(),
            created_by,
            root,
            runtime: false,
            slept_at: 0,
            arrival: Arrival(0),
        }
    }

    /// Still alive.
    pub fn is_live(&self) -> bool {
        self.status != GoStatus::Done
    }

    /// The innermost frame.
    pub fn top(&self) -> Option<&Frame> {
        self.frames.last()
    }
}
