package worker

import "testing"

// The worker calls t.Fatal from its own goroutine: FailNow exits only that goroutine
// (runtime.Goexit), so the worker never sends on done and the test waits forever.
func compute(n int) (int, bool) { return n * 2, n >= 0 }

func TestWorker(t *testing.T) {
	done := make(chan int)
	go func() {
		v, ok := compute(-1)
		if !ok {
			t.Fatal("compute failed")
		}
		done <- v
	}()
	<-done
}

// The fix reports the failure to the test goroutine, which calls t.Fatal itself.
func TestWorkerFixed(t *testing.T) {
	done := make(chan bool)
	go func() {
		_, ok := compute(1)
		done <- ok
	}()
	if !<-done {
		t.Fatal("compute failed")
	}
}
