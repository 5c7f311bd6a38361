package collect

import (
	"sync"
	"testing"
)

// The workers append their results to one shared slice: append reads and writes the slice
// header concurrently, a data race that also loses results.
func TestCollect(t *testing.T) {
	var results []int
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results = append(results, i)
		}(i)
	}
	wg.Wait()
	if len(results) != 2 {
		t.Errorf("len = %d", len(results))
	}
}

// The fix gives each worker its own index in a slice allocated up front.
func TestCollectFixed(t *testing.T) {
	results := make([]int, 2)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = i
		}(i)
	}
	wg.Wait()
	if len(results) != 2 {
		t.Errorf("len = %d", len(results))
	}
}
