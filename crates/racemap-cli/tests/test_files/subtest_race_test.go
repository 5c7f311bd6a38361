// racemap: --seed 0
package cache

import (
	"sync"
	"testing"
)

// Subtests share the cache the parent made; each subtest starts a writer goroutine and
// reads the map itself without the lock.
type Cache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
}

func TestCache(t *testing.T) {
	c := &Cache{m: map[string]int{}}
	t.Cleanup(func() { t.Log("entries:", len(c.m)) })
	t.Run("put", func(t *testing.T) {
		done := make(chan bool)
		go func() {
			c.Put("a", 1)
			done <- true
		}()
		_ = c.m["a"]
		<-done
	})
}

func TestCacheFixed(t *testing.T) {
	c := &Cache{m: map[string]int{}}
	t.Cleanup(func() { t.Log("entries:", len(c.m)) })
	t.Run("put", func(t *testing.T) {
		done := make(chan bool)
		go func() {
			c.Put("a", 1)
			done <- true
		}()
		<-done
		c.mu.Lock()
		_ = c.m["a"]
		c.mu.Unlock()
	})
}
