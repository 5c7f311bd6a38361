//! The article's fix: a `sync.RWMutex` lets readers share the lock while writers are exclusive.
//!
//! Go's RWMutex prefers writers: once a writer waits, new readers wait too, so readers never
//! starve a writer — and a goroutine that takes `RLock` twice can deadlock.

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
type Cache struct {{
	mu   sync.RWMutex
	data map[string]int
}}

func NewCache() *Cache {{ return &Cache{{data: make(map[string]int)}} }}

func (c *Cache) Get(key string) (int, bool) {{
	c.mu.RLock()
	defer c.mu.RUnlock()
	val, ok := c.data[key]
	return val, ok
}}

func (c *Cache) Set(key string, value int) {{
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[key] = value
}}

func (c *Cache) Len() int {{
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.data)
}}

func main() {{
	c := NewCache()
	var wg sync.WaitGroup
	for id := 0; id < workers; id++ {{
		wg.Add(1)
		go func(id int) {{
			defer wg.Done()
			for i := 0; i < opsPerWorker; i++ {{
				k := key(id, i)
				if isWrite(id*opsPerWorker + i) {{
					c.Set(k, id)
				}} else {{
					c.Get(k)
				}}
			}}
		}}(id)
	}}
	wg.Wait()
	fmt.Println("keys:", c.Len())
}}
"#,
        prelude = prelude(w)
    )
}
