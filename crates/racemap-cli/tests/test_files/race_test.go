package counter

import (
	"sync"
	"testing"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

// IncUnsafe forgets the lock.
func (c *Counter) IncUnsafe() { c.n++ }

func TestLocked(t *testing.T) {
	c := &Counter{}
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	wg.Wait()
	if c.n != 2 {
		t.Fatalf("n = %d", c.n)
	}
}

func TestRacy(t *testing.T) {
	c := &Counter{}
	done := make(chan bool)
	go func() {
		c.IncUnsafe()
		done <- true
	}()
	c.IncUnsafe()
	<-done
}
