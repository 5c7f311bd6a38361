//! One schedulable move (placeholder until the machine's `Choice` is merged).

use crate::rt::event::Gid;
use serde::{Deserialize, Serialize};

/// One schedulable move: goroutine `gid`, alternative `alt` (the `select` case; 0 otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Choice {
    /// Who moves.
    pub gid: Gid,
    /// Which alternative.
    pub alt: u32,
}
