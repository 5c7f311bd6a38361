//! The article's fix: a `sync.RWMutex` lets readers share the lock while writers are exclusive.
//!
//! Go's RWMutex prefers writers: once a writer waits, new readers wait too, so readers never
//! starve a writer — and a goroutine that takes `RLock` twice can deadlock.

use super::{prelude, workers_main, Workload, IMPORTS};

/// The Go program.
pub(super) fn source(w: &Workload) -> String {
    let main = workers_main("c := NewCache()", "c.Set(k, id)", "c.Get(k)", "", "c.Len()");
    let cache = super::cache_type("sync.RWMutex", "RLock", "RUnlock");
    format!("{IMPORTS}{}\n{cache}\n{main}", prelude(w))
}
