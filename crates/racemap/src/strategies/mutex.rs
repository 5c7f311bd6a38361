//! A `sync.Mutex` inside a small cache type guards every map access.

use super::{prelude, workers_main, Workload, IMPORTS};

/// The Go program.
pub(super) fn source(w: &Workload) -> String {
    let main = workers_main("c := NewCache()", "c.Set(k, id)", "c.Get(k)", "", "c.Len()");
    let cache = super::cache_type("sync.Mutex", "Lock", "Unlock");
    format!("{IMPORTS}{}\n{cache}\n{main}", prelude(w))
}
