// racemap: --seed 2
package gate

import (
	"sync"
	"testing"
)

// Open wakes one waiter with Signal although every waiter waits for the same gate: the
// other waiter sleeps forever.
type Gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	open bool
}

func TestOpen(t *testing.T) {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			g.mu.Lock()
			for !g.open {
				g.cond.Wait()
			}
			g.mu.Unlock()
		}()
	}
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	g.cond.Signal()
	wg.Wait()
}

func TestOpenFixed(t *testing.T) {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			g.mu.Lock()
			for !g.open {
				g.cond.Wait()
			}
			g.mu.Unlock()
		}()
	}
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	g.cond.Broadcast()
	wg.Wait()
}
