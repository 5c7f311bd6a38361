package config

import (
	"sync"
	"testing"
)

// Load checks under the read lock and, on a miss, takes the write lock without releasing the
// read lock first: RWMutex has no upgrade, the goroutine waits for itself.
type Config struct {
	mu     sync.RWMutex
	values map[string]string
}

func (c *Config) Load(k string) string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	v, ok := c.values[k]
	if !ok {
		c.mu.Lock()
		c.values[k] = "default"
		c.mu.Unlock()
		v = "default"
	}
	return v
}

func TestLoad(t *testing.T) {
	c := &Config{values: map[string]string{}}
	if c.Load("x") != "default" {
		t.Error("no default")
	}
}

// LoadFixed releases the read lock, then checks again under the write lock.
func (c *Config) LoadFixed(k string) string {
	c.mu.RLock()
	v, ok := c.values[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v, ok := c.values[k]; ok {
		return v
	}
	c.values[k] = "default"
	return "default"
}

func TestLoadFixed(t *testing.T) {
	c := &Config{values: map[string]string{}}
	if c.LoadFixed("x") != "default" {
		t.Error("no default")
	}
}
