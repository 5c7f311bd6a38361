package slow

import (
	"sync"
	"testing"
)

// testing.Short() is false under `go test` without -short: the long test runs.

func TestLong(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in short mode")
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			mu.Lock()
			total += n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	t.Logf("short=%v total=%d", testing.Short(), total)
}
