//! A `sync.Map`: lock-free reads of a read-only snapshot, a mutex-guarded dirty map for new keys,
//! and promotion of the dirty map after as many misses as it has entries.

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
	var m sync.Map
	var wg sync.WaitGroup
	for id := 0; id < workers; id++ {{
		wg.Add(1)
		go func(id int) {{
			defer wg.Done()
			for i := 0; i < opsPerWorker; i++ {{
				k := key(id, i)
				if isWrite(id*opsPerWorker + i) {{
					m.Store(k, id)
				}} else {{
					m.Load(k)
				}}
			}}
		}}(id)
	}}
	wg.Wait()
	n := 0
	m.Range(func(key, value interface{{}}) bool {{
		n++
		return true
	}})
	fmt.Println("keys:", n)
}}
"#,
        prelude = prelude(w)
    )
}
