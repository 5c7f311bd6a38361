package check

import (
	"sync"
	"testing"
)

// A checker goroutine calls t.FailNow before its wg.Done: FailNow exits the goroutine with
// runtime.Goexit, Done never runs, and the test's Wait blocks forever.
func valid(n int) bool { return n > 0 }

func TestCheck(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		if !valid(0) {
			t.FailNow()
		}
		wg.Done()
	}()
	wg.Wait()
}

// The fix defers Done (Goexit runs deferred calls) and reports with t.Error from the goroutine.
func TestCheckFixed(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if !valid(1) {
			t.Error("invalid")
		}
	}()
	wg.Wait()
}
