//! `sync.RWMutex` (placeholder state; the primitives work fills this in).

use serde::{Deserialize, Serialize};

/// State of a `sync.RWMutex`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RwMutexState {
    /// Active readers.
    pub readers: u32,
}
