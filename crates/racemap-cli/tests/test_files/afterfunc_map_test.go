package cache

import (
	"sync"
	"testing"
	"time"
)

// The cache expires an entry with time.AfterFunc, whose function runs in its own goroutine:
// its delete races with the test's writes to the map.
type Cache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Cache) SetExpiring(k string, v int, ttl time.Duration) *time.Timer {
	c.m[k] = v
	return time.AfterFunc(ttl, func() {
		delete(c.m, k)
	})
}

func (c *Cache) SetExpiringFixed(k string, v int, ttl time.Duration) *time.Timer {
	c.mu.Lock()
	c.m[k] = v
	c.mu.Unlock()
	return time.AfterFunc(ttl, func() {
		c.mu.Lock()
		delete(c.m, k)
		c.mu.Unlock()
	})
}

func TestExpire(t *testing.T) {
	c := &Cache{m: map[string]int{}}
	timer := c.SetExpiring("a", 1, time.Millisecond)
	c.m["b"] = 2
	time.Sleep(5 * time.Millisecond)
	timer.Stop()
}

func TestExpireFixed(t *testing.T) {
	c := &Cache{m: map[string]int{}}
	timer := c.SetExpiringFixed("a", 1, time.Millisecond)
	c.mu.Lock()
	c.m["b"] = 2
	c.mu.Unlock()
	time.Sleep(5 * time.Millisecond)
	timer.Stop()
}
