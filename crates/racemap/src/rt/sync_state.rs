//! The state of `sync` and `sync/atomic` objects as stored inside a [`Value::Sync`], and the
//! error type every primitive's transition returns.
//!
//! Each primitive has its own module with its state and transitions (`rt::mutex`,
//! `rt::rwmutex`, `rt::waitgroup`, `rt::once`, `rt::cond`, `rt::sync_map`, `rt::atomic`, plus `rt::map` and
//! `rt::chan` for the built-in map and channel objects); this enum only gathers the sync ones so
//! that a struct field of type `sync.Mutex` holds a value like any other.
//!
//! [`Value::Sync`]: crate::rt::value::Value::Sync

use crate::rt::event::WaitReason;

/// The state of one sync or atomic object.
#[derive(Clone, Debug, PartialEq, Hash)]
pub enum SyncState {
    /// `sync.Mutex`.
    Mutex(crate::rt::mutex::MutexState),
    /// `sync.RWMutex`.
    RwMutex(crate::rt::rwmutex::RwMutexState),
    /// `sync.WaitGroup`.
    WaitGroup(crate::rt::waitgroup::WaitGroupState),
    /// `sync.Once`.
    Once(crate::rt::once::OnceState),
    /// `sync.Map`.
    Map(crate::rt::sync_map::SyncMapState),
    /// `atomic.Int32` / `atomic.Int64` (the int types used with `atomic.AddInt64(&x, …)` are plain
    /// [`Value::Int`](crate::rt::value::Value::Int) variables).
    AtomicInt(i64),
    /// `atomic.Bool`.
    AtomicBool(bool),
    /// `atomic.Value`: the `any` it holds (`Value::Iface(None)` until the first store); also
    /// `atomic.Pointer[T]`: the pointer it holds (`Value::Ptr`).
    AtomicValue(crate::rt::value::Value),
    /// The notify list of a `sync.Cond`.
    CondNotify(crate::rt::cond::CondState),
    /// A `testing.T`.
    TestingT(Box<crate::rt::testing::TestState>),
    /// The runtime timer of a `time.Timer`/`time.Ticker` (or of `time.After`/`time.Tick`).
    Timer(Box<crate::rt::timer::TimerState>),
    /// A context of package `context`.
    Context(Box<crate::rt::context::ContextState>),
}

impl SyncState {
    /// The zero value of a sync or atomic type (what `var mu sync.Mutex` holds).
    pub fn zero(kind: crate::types::SyncKind) -> SyncState {
        use crate::types::SyncKind;
        match kind {
            SyncKind::Mutex => SyncState::Mutex(Default::default()),
            SyncKind::RwMutex => SyncState::RwMutex(Default::default()),
            SyncKind::WaitGroup => SyncState::WaitGroup(Default::default()),
            SyncKind::Once => SyncState::Once(Default::default()),
            SyncKind::Map => SyncState::Map(Default::default()),
            SyncKind::AtomicInt32
            | SyncKind::AtomicInt64
            | SyncKind::AtomicUint32
            | SyncKind::AtomicUint64 => SyncState::AtomicInt(0),
            SyncKind::AtomicBool => SyncState::AtomicBool(false),
            SyncKind::AtomicValue => SyncState::AtomicValue(crate::rt::value::Value::Iface(None)),
            SyncKind::AtomicPointer => SyncState::AtomicValue(crate::rt::value::Value::Ptr(None)),
            SyncKind::CondNotify => SyncState::CondNotify(Default::default()),
            SyncKind::TestingT => SyncState::TestingT(Default::default()),
            SyncKind::Timer => SyncState::Timer(Default::default()),
            SyncKind::Context => SyncState::Context(Default::default()),
        }
    }
}

/// Why a primitive's transition did not happen normally. The VM turns these into its runtime
/// errors; every variant's text is exactly what Go prints after its prefix.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PrimError {
    /// An unrecoverable runtime `throw`: Go prints `fatal error: {0}` and all goroutine stacks,
    /// exit status 2 (`concurrent map writes`, `sync: unlock of unlocked mutex`).
    Fatal(String),
    /// A run-time panic whose value is a `runtime.Error`; Go prints `panic: {0}`
    /// (`send on closed channel`, `runtime error: hash of unhashable type []int`).
    RuntimeError(String),
    /// A panic with a plain `string` value raised by package `sync`; Go prints `panic: {0}`
    /// (`sync: negative WaitGroup counter`).
    Panic(String),
    /// The operation is not enabled now: the goroutine must stay parked for this reason. The VM
    /// only steps enabled operations (see each primitive's `can_*`), so receiving this means a
    /// VM bug, but it is reported as a value rather than a crash.
    Blocked(WaitReason),
}

impl PrimError {
    /// The full first line Go prints: `fatal error: …` or `panic: …` (`Blocked` gives the wait
    /// reason in brackets).
    pub fn message(&self) -> String {
        match self {
            PrimError::Fatal(m) => format!("fatal error: {m}"),
            PrimError::RuntimeError(m) | PrimError::Panic(m) => format!("panic: {m}"),
            PrimError::Blocked(r) => format!("[{}]", r.as_str()),
        }
    }
}
