// racemap: --seed 4
package lru

import (
	"sync"
	"testing"
)

// Get updates the entry's use count while holding only the read lock: two readers hold it
// together and both write the map (a data race under the wrong lock mode).
type LRU struct {
	mu   sync.RWMutex
	uses map[string]int
}

func (c *LRU) Get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.uses[k]++
	return c.uses[k]
}

func (c *LRU) GetFixed(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.uses[k]++
	return c.uses[k]
}

func TestGet(t *testing.T) {
	c := &LRU{uses: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			c.Get("k")
		}()
	}
	wg.Wait()
}

func TestGetFixed(t *testing.T) {
	c := &LRU{uses: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			c.GetFixed("k")
		}()
	}
	wg.Wait()
	if c.uses["k"] != 2 {
		t.Errorf("uses = %d", c.uses["k"])
	}
}
