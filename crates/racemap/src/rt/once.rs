//! `sync.Once` (placeholder state; the primitives work fills this in).

use serde::{Deserialize, Serialize};

/// State of a `sync.Once`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OnceState {
    /// f has returned.
    pub done: bool,
}
