//! One goroutine owns the map and serves get/set requests sent over a channel, the
//! `cacheWorker` pattern: no memory is shared, so there is nothing to race on.

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
type cacheRequest struct {{
	key      string
	value    int
	write    bool
	response chan int
}}

// cacheWorker owns data: only this goroutine ever touches the map.
func cacheWorker(cmds <-chan cacheRequest) {{
	data := make(map[string]int)
	for cmd := range cmds {{
		if cmd.write {{
			data[cmd.key] = cmd.value
		}}
		cmd.response <- len(data)
	}}
}}

func main() {{
	cmds := make(chan cacheRequest)
	go cacheWorker(cmds)
	var wg sync.WaitGroup
	for id := 0; id < workers; id++ {{
		wg.Add(1)
		go func(id int) {{
			defer wg.Done()
			resp := make(chan int)
			for i := 0; i < opsPerWorker; i++ {{
				cmds <- cacheRequest{{key: key(id, i), value: id, write: isWrite(id*opsPerWorker + i), response: resp}}
				<-resp
			}}
		}}(id)
	}}
	wg.Wait()
	resp := make(chan int)
	cmds <- cacheRequest{{response: resp}}
	fmt.Println("keys:", <-resp)
	close(cmds)
}}
"#,
        prelude = prelude(w)
    )
}
