package main

import (
	"fmt"
	"sync"
)

// A read-mostly cache with a racy double-checked initialization: the first check reads
// the map pointer without the lock.
type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *Cache) Get(k string) int {
	if c.data == nil {
		c.mu.Lock()
		if c.data == nil {
			c.data = map[string]int{"a": 1, "b": 2}
		}
		c.mu.Unlock()
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.data[k]
}

func main() {
	var c Cache
	var wg sync.WaitGroup
	sums := make([]int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sums[i] = c.Get("a") + c.Get("b")
		}(i)
	}
	wg.Wait()
	fmt.Println(sums)
}
