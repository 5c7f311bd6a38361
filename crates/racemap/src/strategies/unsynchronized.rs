//! The broken version: every worker reads and writes the map directly.
//!
//! Go's race detector reports the first pair of conflicting accesses (map operations are
//! accesses to the whole map, so different keys still race), and a write that lands while
//! another is in flight makes the runtime stop with `fatal error: concurrent map writes`.

use super::{prelude, workers_main, Workload, IMPORTS};

/// The Go program.
pub(super) fn source(w: &Workload) -> String {
    let main = workers_main(
        "m := make(map[string]int)",
        "m[k] = id // unsynchronized write",
        "_ = m[k] // unsynchronized read",
        "",
        "len(m)",
    );
    format!("{IMPORTS}{}\n{main}", prelude(w))
}
