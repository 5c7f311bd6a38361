package cache

import (
	"sync"
	"testing"
)

// Cache's Get locks and, on a miss, calls Put, which locks the same mutex again:
// sync.Mutex is not reentrant, so the goroutine deadlocks on itself (double locking).
type Cache struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[k] = v
}

func (c *Cache) Get(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	if !ok {
		v = len(k)
		c.Put(k, v)
	}
	return v
}

func TestGet(t *testing.T) {
	c := &Cache{m: map[string]int{}}
	done := make(chan bool)
	go func() {
		c.Get("a")
		done <- true
	}()
	<-done
}

// GetFixed stores through an unlocked helper while it already holds the lock.
func (c *Cache) put(k string, v int) { c.m[k] = v }

func (c *Cache) GetFixed(k string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	if !ok {
		v = len(k)
		c.put(k, v)
	}
	return v
}

func TestGetFixed(t *testing.T) {
	c := &Cache{m: map[string]int{}}
	done := make(chan bool)
	go func() {
		c.GetFixed("a")
		done <- true
	}()
	<-done
}
