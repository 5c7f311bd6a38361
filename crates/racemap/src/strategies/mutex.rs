//! A `sync.Mutex` inside a small cache type guards every map access.

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
	mu   sync.Mutex
	data map[string]int
}}

func NewCache() *Cache {{ return &Cache{{data: make(map[string]int)}} }}

func (c *Cache) Get(key string) (int, bool) {{
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.data[key]
	return v, ok
}}

func (c *Cache) Set(key string, value int) {{
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[key] = value
}}

func (c *Cache) Len() int {{
	c.mu.Lock()
	defer c.mu.Unlock()
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
