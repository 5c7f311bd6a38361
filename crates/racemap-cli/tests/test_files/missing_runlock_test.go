package catalog

import (
	"sync"
	"testing"
)

// Find returns early from inside its read-locked section without RUnlock: the read lock is
// never released and the next writer waits forever.
type Catalog struct {
	mu    sync.RWMutex
	items []string
}

func (c *Catalog) Find(s string) bool {
	c.mu.RLock()
	for _, it := range c.items {
		if it == s {
			return true
		}
	}
	c.mu.RUnlock()
	return false
}

func (c *Catalog) Add(s string) {
	c.mu.Lock()
	c.items = append(c.items, s)
	c.mu.Unlock()
}

func TestFind(t *testing.T) {
	c := &Catalog{items: []string{"a"}}
	c.Find("a")
	c.Add("b")
}

func (c *Catalog) FindFixed(s string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for _, it := range c.items {
		if it == s {
			return true
		}
	}
	return false
}

func TestFindFixed(t *testing.T) {
	c := &Catalog{items: []string{"a"}}
	c.FindFixed("a")
	c.Add("b")
}
