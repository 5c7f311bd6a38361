// racemap: --seed 1
package events

import (
	"sync"
	"testing"
)

// The completion callback increments a counter captured by the closure, and the callbacks
// run on the workers' goroutines: a data race on the captured counter.
func runAll(n int, onDone func()) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			onDone()
		}()
	}
	wg.Wait()
}

func TestCallbacks(t *testing.T) {
	finished := 0
	runAll(2, func() { finished++ })
	if finished != 2 {
		t.Errorf("finished = %d", finished)
	}
}

func TestCallbacksFixed(t *testing.T) {
	var mu sync.Mutex
	finished := 0
	runAll(2, func() {
		mu.Lock()
		finished++
		mu.Unlock()
	})
	if finished != 2 {
		t.Errorf("finished = %d", finished)
	}
}
