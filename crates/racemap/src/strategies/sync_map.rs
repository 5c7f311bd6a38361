//! A `sync.Map`: lock-free reads of a read-only snapshot, a mutex-guarded dirty map for new keys,
//! and promotion of the dirty map after as many misses as it has entries.

use super::{prelude, workers_main, Workload, IMPORTS};

/// The Go program.
pub(super) fn source(w: &Workload) -> String {
    let main = workers_main(
        "var m sync.Map",
        "m.Store(k, id)",
        "m.Load(k)",
        "\tn := 0\n\tm.Range(func(key, value interface{}) bool {\n\t\tn++\n\t\treturn true\n\t})\n",
        "n",
    );
    format!("{IMPORTS}{}\n{main}", prelude(w))
}
