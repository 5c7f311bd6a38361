//! `sync.Map` (placeholder state; the primitives work fills this in).

use serde::{Deserialize, Serialize};

/// State of a `sync.Map`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncMapState {
    /// Misses since the last promotion.
    pub misses: u32,
}
