//! `sync.Map` (classic design, Go 1.9–1.23).

use crate::rt::event::Gid;
use crate::rt::mutex::MutexState;
use crate::rt::value::{MapKey, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Index of an entry in [`SyncMapState::entries`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntryId(pub u32);

/// The pointer `p` of Go's `entry`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum EntryP {
    /// A stored value (an interface value, possibly a nil interface).
    Value(Value),
    /// `nil`: deleted, but still present in `dirty` if `dirty` exists.
    Deleted,
    /// `expunged`: deleted and absent from `dirty`.
    Expunged,
}

/// One `entry`, shared by `read` and `dirty`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The key as a Go value (an interface value).
    pub key: Value,
    /// The entry's state.
    pub p: EntryP,
}

/// Go's `readOnly`: the atomically published snapshot.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadOnly {
    /// Key → entry. Never mutated after publication (a new `ReadOnly` replaces it).
    pub m: BTreeMap<MapKey, EntryId>,
    /// `dirty` holds keys that `m` lacks.
    pub amended: bool,
}

/// State of a `sync.Map`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncMapState {
    /// The internal mutex `mu` guarding `dirty` and `misses`.
    pub mu: MutexState,
    /// The `read` snapshot.
    pub read: ReadOnly,
    /// The `dirty` map (`None` is Go's nil).
    pub dirty: Option<BTreeMap<MapKey, EntryId>>,
    /// Misses since the last promotion.
    pub misses: u32,
    /// All entries ever created (referenced by id from `read` and `dirty`).
    pub entries: Vec<Entry>,
    /// Display only: who holds `mu`.
    pub mu_holder: Option<Gid>,
}
