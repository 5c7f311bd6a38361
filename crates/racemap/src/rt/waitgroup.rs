//! `sync.WaitGroup` (placeholder state; the primitives work fills this in).

use serde::{Deserialize, Serialize};

/// State of a `sync.WaitGroup`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WaitGroupState {
    /// The counter.
    pub counter: i64,
}
