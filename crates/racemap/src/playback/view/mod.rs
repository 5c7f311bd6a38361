//! The view at the cursor: everything the visualizer's panels show, as plain serializable data.
//!
//! Built from the machine's read-only snapshots (`goroutines`, `maps`, `chans`,
//! `sync_objects`, `goroutine_state`), the session's stderr and race reports, and the steps up
//! to the cursor. A view is a pure function of (program, moves up to the cursor): going back and
//! forth gives equal views.
//!
//! This file holds the data; [`build`] (in `build.rs`) derives it from a playback.

mod build;
pub use build::build;

use super::timeline::{Arrow, TimelineEntry};
use serde::{Deserialize, Serialize};

/// Everything the panels show at the cursor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// Steps made (the cursor).
    pub step: u64,
    /// The moves so far, encoded for the URL.
    pub schedule: String,
    /// Every goroutine ever created, in creation order.
    pub goroutines: Vec<GoroutineInfo>,
    /// Every built-in map.
    pub maps: Vec<MapInfo>,
    /// Every `sync.Map`, with its internals.
    pub sync_maps: Vec<SyncMapInfo>,
    /// Every `sync.Mutex` and `sync.RWMutex`.
    pub locks: Vec<LockInfo>,
    /// Every `sync.WaitGroup`.
    pub wait_groups: Vec<WaitGroupInfo>,
    /// `sync.Once` and atomic values.
    pub other_sync: Vec<OtherSyncInfo>,
    /// Every channel.
    pub chans: Vec<ChanInfo>,
    /// Every runtime timer (`time.After`, `time.NewTimer`, `time.AfterFunc`, tickers).
    pub timers: Vec<TimerInfo>,
    /// Every context of package `context`.
    pub contexts: Vec<ContextInfo>,
    /// What the program printed, as the CLI prints it.
    pub console: Console,
    /// Data races found so far, in order.
    pub races: Vec<RaceInfo>,
    /// One entry per step so far.
    pub timeline: Vec<TimelineEntry>,
    /// Happens-before edges between the steps so far.
    pub arrows: Vec<Arrow>,
    /// The last step in one sentence, for the live region.
    pub announcement: String,
    /// How the run ended, `None` while it goes on.
    pub ended: Option<EndInfo>,
}

/// A goroutine's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GoroutineState {
    /// It made the last step and can move again.
    Running,
    /// It can move.
    Runnable,
    /// It cannot move now.
    Blocked {
        /// Go's wait reason (`sync.Mutex.Lock`, `chan send`).
        reason: String,
        /// The object it waits for, by source name (`mu`, `cmds`), when known.
        on: Option<String>,
    },
    /// In `time.Sleep` until the virtual time (ns).
    Sleeping {
        /// Wake-up time.
        until_ns: i64,
    },
    /// Returned (or the program ended).
    Done,
}

/// One call frame.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameInfo {
    /// Go's function name (`main.main.func1`).
    pub func: String,
    /// The 1-based line the frame is at.
    pub line: u32,
}

/// A goroutine's next operation (the per-goroutine code cursor).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextOp {
    /// What it would do: `locks mu`.
    pub phrase: String,
    /// Its 1-based source line.
    pub line: u32,
}

/// One goroutine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoroutineInfo {
    /// Go's number (main is 1).
    pub go_id: u64,
    /// The state.
    pub state: GoroutineState,
    /// The state in Go's stack-dump words: `running`, `runnable`, `sync.Mutex.Lock`, `done`.
    pub state_text: String,
    /// The call stack, innermost first.
    pub stack: Vec<FrameInfo>,
    /// The next operation, while alive.
    pub next: Option<NextOp>,
}

/// One map entry, `%v`-formatted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapEntry {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

/// What a goroutine does to a map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MapAction {
    /// `m[k]`.
    Read,
    /// `len(m)`.
    Len,
    /// First half of `m[k] = v` (checks and sets the writing flag).
    WriteBegin,
    /// First half of `delete(m, k)`.
    DeleteBegin,
    /// First half of `clear(m)`.
    ClearBegin,
    /// Second half of a write (changes the entry, clears the flag).
    WriteEnd,
    /// A step of `range m`.
    Iterate,
}

/// A goroutine at a map operation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapTouch {
    /// Go's goroutine number.
    pub go_id: u64,
    /// The operation.
    pub action: MapAction,
    /// The key (`%v`), when the operation has one.
    pub key: Option<String>,
}

/// One built-in map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapInfo {
    /// Runtime id (`map#N`).
    pub id: u32,
    /// Source name (`m`) or `map#N`.
    pub name: String,
    /// Entries in key order.
    pub entries: Vec<MapEntry>,
    /// Go's writing flag: the goroutine inside a write, if any.
    pub writer: Option<u64>,
    /// The key that write touches.
    pub writing_key: Option<String>,
    /// Goroutines parked at an operation on this map (about to touch it).
    pub next_touches: Vec<MapTouch>,
    /// What the last step did to this map.
    pub last_touches: Vec<MapTouch>,
}

/// One entry of a `sync.Map`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncMapEntry {
    /// The key.
    pub key: String,
    /// The value, or `nil (deleted)` / `expunged`.
    pub value: String,
}

/// One `sync.Map` with Go's internal fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncMapInfo {
    /// Source name or address.
    pub name: String,
    /// The lock-free `read` map.
    pub read: Vec<SyncMapEntry>,
    /// `read.amended`: `dirty` holds keys `read` lacks.
    pub amended: bool,
    /// The `dirty` map (`None` is Go's nil).
    pub dirty: Option<Vec<SyncMapEntry>>,
    /// Loads that needed the lock since the last promotion.
    pub misses: u32,
    /// Promotions of `dirty` to `read` so far.
    pub promotions: u32,
    /// Who holds the internal mutex `mu`.
    pub mu_holder: Option<u64>,
    /// Goroutines waiting for `mu`, in order of arrival.
    pub waiting: Vec<u64>,
}

/// A `sync.Mutex` or `sync.RWMutex`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockInfo {
    /// Source name (`mu`, `c.mu`) or address.
    pub name: String,
    /// `Mutex` or `RWMutex`.
    pub kind: String,
    /// The writer holding it.
    pub holder: Option<u64>,
    /// Readers holding it (RWMutex), in order of arrival.
    pub readers: Vec<u64>,
    /// A writer that announced itself and waits for the readers to leave (RWMutex).
    pub pending_writer: Option<u64>,
    /// Goroutines blocked on it, in order of arrival.
    pub waiting: Vec<u64>,
}

/// A `sync.WaitGroup`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitGroupInfo {
    /// Source name or address.
    pub name: String,
    /// The counter.
    pub counter: i64,
    /// Goroutines in `Wait`, in order of arrival.
    pub waiting: Vec<u64>,
}

/// A `sync.Once` or an atomic value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherSyncInfo {
    /// Source name or address.
    pub name: String,
    /// `Once`, `atomic.Int64`, `atomic.Bool`.
    pub kind: String,
    /// The state in words.
    pub state: String,
}

/// A runtime timer (`rt::timer`): armed or not, when it fires, and the channel it sends on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerInfo {
    /// Source name (`t.r`) or address.
    pub name: String,
    /// The call that made it: `time.After`, `time.NewTimer`, `time.AfterFunc`,
    /// `time.NewTicker`, `time.Tick`.
    pub made_by: String,
    /// It will fire (not stopped, not fired yet, or a running ticker).
    pub armed: bool,
    /// The virtual time (ns) it fires at while armed, else the last deadline.
    pub deadline: i64,
    /// A ticker's period (ns), 0 for a one-shot timer.
    pub period: i64,
    /// How many times it fired.
    pub fired: u32,
    /// The channel it sends on, as the Channels panel names it (`None` for `AfterFunc`).
    pub chan: Option<String>,
    /// The virtual clock now (ns).
    pub now: i64,
    /// The source line of the call that made it.
    pub line: u32,
}

/// A context of package `context`: how the program made it and whether it is canceled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextInfo {
    /// Source name (`ctx`) or address.
    pub name: String,
    /// The call that made it as the program wrote it: `context.WithCancel`,
    /// `context.WithTimeout`, `context.WithDeadline`, `context.WithValue`,
    /// `context.Background`, `context.TODO`.
    pub made_by: String,
    /// The source line of that call (`None` for contexts made without a step: `Background`,
    /// `TODO`, `WithValue`).
    pub line: Option<u32>,
    /// Its own deadline on the virtual clock (ns), for a deadline context.
    pub deadline: Option<i64>,
    /// It can be canceled (`WithCancel`, `WithTimeout`, `WithDeadline`).
    pub cancelable: bool,
    /// Once canceled, what its `Err()` says: `context canceled`, `context deadline exceeded`.
    pub error: Option<String>,
    /// How many live contexts are canceled with it.
    pub children: usize,
}

/// A message on its way: a parked sender's value, or what the last step moved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The sender's Go number (`None` when taken from the buffer).
    pub from: Option<u64>,
    /// The receiver's Go number (`None` when put into the buffer).
    pub to: Option<u64>,
    /// The value, `%v`-formatted.
    pub value: String,
}

/// What the last step did on a channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransferKind {
    /// Handed from a sender to a receiver in one step (rendezvous).
    Handoff,
    /// Put into the buffer.
    Buffered,
    /// Taken out of the buffer.
    Received,
    /// A receive that found the channel closed and drained.
    ClosedReceive,
}

/// A transfer made by the last step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// The kind.
    pub kind: TransferKind,
    /// The message.
    pub message: Message,
}

/// A goroutine parked at a channel operation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChanWaiter {
    /// Go's goroutine number.
    pub go_id: u64,
    /// It cannot move now (no partner, buffer full/empty).
    pub blocked: bool,
}

/// One channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChanInfo {
    /// Runtime id.
    pub id: u32,
    /// Source name or `chan#N`.
    pub name: String,
    /// Capacity (0: unbuffered).
    pub cap: u32,
    /// Buffered values, oldest first.
    pub buffer: Vec<String>,
    /// Closed.
    pub closed: bool,
    /// Messages of goroutines parked at a send on it (in flight), in order of arrival.
    pub in_flight: Vec<Message>,
    /// Goroutines parked at a send, in order of arrival.
    pub senders: Vec<ChanWaiter>,
    /// Goroutines parked at a receive, in order of arrival.
    pub receivers: Vec<ChanWaiter>,
    /// What the last step moved through it.
    pub last_transfer: Vec<Transfer>,
}

/// The program's output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Console {
    /// stdout.
    pub stdout: String,
    /// stderr exactly as `racemap run` prints it: `print` output and race reports as they
    /// happen, then the failure text or `Found N data race(s)`.
    pub stderr: String,
}

/// One side of a race.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessInfo {
    /// Go's goroutine number.
    pub go_id: u64,
    /// A write.
    pub write: bool,
    /// The function of the program the access is in.
    pub func: String,
    /// Its 1-based line.
    pub line: u32,
    /// The step (from 1) of the access, when known.
    pub step: Option<u64>,
}

/// A data race.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaceInfo {
    /// What both accessed, by source name (`m`, `count`).
    pub location: String,
    /// The access that found it.
    pub current: AccessInfo,
    /// The earlier access.
    pub previous: AccessInfo,
    /// The report as Go prints it.
    pub report: String,
}

/// How the run ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndInfo {
    /// Exit status: 0, 2, 66 (races), 3 (a racemap limit).
    pub exit_code: i32,
    /// `fatal error: concurrent map writes`, `panic: …`, the limit message; `None` after a
    /// normal exit.
    pub first_error_line: Option<String>,
    /// The failure is a deadlock.
    pub deadlock: bool,
}
