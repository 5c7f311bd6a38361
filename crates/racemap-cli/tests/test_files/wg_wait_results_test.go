package gather

import (
	"sync"
	"testing"
)

// The workers send on an unbuffered channel, and the test waits for them before it starts
// receiving: the workers wait for a receiver, the test waits for the workers (deadlock).
func TestGather(t *testing.T) {
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results <- i
		}(i)
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	if sum != 1 {
		t.Errorf("sum = %d", sum)
	}
}

// The fix closes the channel once the workers are done, from its own goroutine.
func TestGatherFixed(t *testing.T) {
	results := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results <- i
		}(i)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	if sum != 1 {
		t.Errorf("sum = %d", sum)
	}
}
