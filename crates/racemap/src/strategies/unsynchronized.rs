//! The broken version: every worker reads and writes the map directly.
//!
//! Go's race detector reports the first pair of conflicting accesses (map operations are
//! accesses to the whole map, so different keys still race), and a write that lands while
//! another is in flight makes the runtime stop with `fatal error: concurrent map writes`.

use super::{prelude, Workload};

/// The Go program.
pub(super) fn source(w: &Workload) -> String {
    format!(
        r#"package main

import (
	"fmt"
	"strconv"
	"sync"
)

{prelude}
func main() {{
	m := make(map[string]int)
	var wg sync.WaitGroup
	for id := 0; id < workers; id++ {{
		wg.Add(1)
		go func(id int) {{
			defer wg.Done()
			for i := 0; i < opsPerWorker; i++ {{
				k := key(id, i)
				if isWrite(id*opsPerWorker + i) {{
					m[k] = id // unsynchronized write
				}} else {{
					_ = m[k] // unsynchronized read
				}}
			}}
		}}(id)
	}}
	wg.Wait()
	fmt.Println("keys:", len(m))
}}
"#,
        prelude = prelude(w)
    )
}
