package registry

import (
	"sync"
	"testing"
)

// Len takes the read lock and calls Names, which takes it again. If a writer calls Lock
// between the two RLocks, the second RLock waits for the writer, which waits for the first
// RLock: deadlock (RWMutex read locks are not reentrant when a writer is pending).
type Registry struct {
	mu    sync.RWMutex
	names []string
}

func (r *Registry) Names() []string {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.names
}

func (r *Registry) Len() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.Names())
}

func (r *Registry) Add(n string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.names = append(r.names, n)
}

func TestLen(t *testing.T) {
	r := &Registry{}
	done := make(chan bool)
	go func() {
		r.Add("a")
		done <- true
	}()
	r.Len()
	<-done
}

// LenFixed reads the field directly under its single read lock.
func (r *Registry) LenFixed() int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return len(r.names)
}

func TestLenFixed(t *testing.T) {
	r := &Registry{}
	done := make(chan bool)
	go func() {
		r.Add("a")
		done <- true
	}()
	r.LenFixed()
	<-done
}
