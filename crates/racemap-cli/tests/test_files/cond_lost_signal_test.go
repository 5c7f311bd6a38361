package ready

import (
	"sync"
	"testing"
)

// The waiter calls Wait without checking the condition first: when the Signal comes before
// the Wait, it is lost, and the waiter sleeps forever (a lost wakeup).
func TestReady(t *testing.T) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	go func() {
		mu.Lock()
		cond.Wait()
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	ready = true
	mu.Unlock()
	cond.Signal()
	<-done
	_ = ready
}

func TestReadyFixed(t *testing.T) {
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	ready := false
	done := make(chan bool)
	go func() {
		mu.Lock()
		for !ready {
			cond.Wait()
		}
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	ready = true
	mu.Unlock()
	cond.Signal()
	<-done
}
