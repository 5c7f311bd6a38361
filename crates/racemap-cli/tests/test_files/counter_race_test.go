// racemap: --seed 1
package metrics

import (
	"sync"
	"sync/atomic"
	"testing"
)

// Requests counts with a plain increment from every handler goroutine: a data race (and a
// lost update when the increments interleave).
func TestRequests(t *testing.T) {
	var requests int64
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			requests++
		}()
	}
	wg.Wait()
	if requests != 2 {
		t.Errorf("requests = %d", requests)
	}
}

func TestRequestsFixed(t *testing.T) {
	var requests int64
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&requests, 1)
		}()
	}
	wg.Wait()
	if atomic.LoadInt64(&requests) != 2 {
		t.Errorf("requests = %d", requests)
	}
}
