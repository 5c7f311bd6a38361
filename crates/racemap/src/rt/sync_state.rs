//! The state of `sync` and `sync/atomic` objects as stored inside a [`Value::Sync`].
//!
//! Each primitive has its own module with its state and transitions (`rt::mutex`,
//! `rt::rwmutex`, `rt::waitgroup`, `rt::once`, `rt::sync_map`, `rt::atomic`); this enum only
//! gathers them so that a struct field of type `sync.Mutex` holds a value like any other.
//!
//! [`Value::Sync`]: crate::rt::value::Value::Sync

use serde::{Deserialize, Serialize};

/// The state of one sync or atomic object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}
