// racemap: --lang go1.21

package fanout

import (
	"sync"
	"testing"
)

// Go 1.21 and earlier: a loop has one variable `p` for all its iterations, and every
// goroutine's closure captures it; the goroutines read it while the loop writes the next
// element (the loop-variable capture bug Go 1.22 fixed by giving each iteration its own p).
func TestFanout(t *testing.T) {
	parts := []int{1, 2}
	var mu sync.Mutex
	sum := 0
	var wg sync.WaitGroup
	for _, p := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			sum += p
			mu.Unlock()
		}()
	}
	wg.Wait()
	if sum != 3 {
		t.Errorf("sum = %d, want 3", sum)
	}
}

// The fix (before Go 1.22): copy the variable per iteration (`p := p`).
func TestFanoutFixed(t *testing.T) {
	parts := []int{1, 2}
	var mu sync.Mutex
	sum := 0
	var wg sync.WaitGroup
	for _, p := range parts {
		p := p
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			sum += p
			mu.Unlock()
		}()
	}
	wg.Wait()
	if sum != 3 {
		t.Errorf("sum = %d, want 3", sum)
	}
}
