package batcher

import (
	"sync"
	"testing"
)

// The waiter goroutine starts waiting before the work is added: Wait can see a zero counter
// and close done at once, so the test reads the result while the worker writes it.
func TestBatch(t *testing.T) {
	var wg sync.WaitGroup
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	result := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		result = 1
	}()
	<-done
	if result != 1 {
		t.Errorf("result = %d", result)
	}
}

func TestBatchFixed(t *testing.T) {
	var wg sync.WaitGroup
	done := make(chan struct{})
	result := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		result = 1
	}()
	go func() {
		wg.Wait()
		close(done)
	}()
	<-done
	if result != 1 {
		t.Errorf("result = %d", result)
	}
}
