package fanout

import (
	"sync"
	"testing"
)

// worker takes the WaitGroup by value: its Done decrements a copy, and the test's Wait
// never returns (a deadlock).
func worker(wg sync.WaitGroup, out *int) {
	defer wg.Done()
	*out = 1
}

func TestFanout(t *testing.T) {
	var wg sync.WaitGroup
	var out int
	wg.Add(1)
	go worker(wg, &out)
	wg.Wait()
}

func workerFixed(wg *sync.WaitGroup, out *int) {
	defer wg.Done()
	*out = 1
}

func TestFanoutFixed(t *testing.T) {
	var wg sync.WaitGroup
	var out int
	wg.Add(1)
	go workerFixed(&wg, &out)
	wg.Wait()
	if out != 1 {
		t.Error("worker did not run")
	}
}
