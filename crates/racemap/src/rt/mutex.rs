//! `sync.Mutex` (placeholder state; the primitives work fills this in).

use serde::{Deserialize, Serialize};

/// State of a `sync.Mutex`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MutexState {
    /// Locked.
    pub locked: bool,
}
