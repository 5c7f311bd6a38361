package fetch

import (
	"testing"
	"time"
)

// fetch gives up after a timeout, but the worker still sends its result on an unbuffered
// channel nobody receives from any more: when the timer wins, the worker leaks.
func fetch(result chan int, timeout time.Duration) (int, bool) {
	go func() {
		time.Sleep(time.Millisecond)
		result <- 42
	}()
	select {
	case v := <-result:
		return v, true
	case <-time.After(timeout):
		return 0, false
	}
}

func TestFetch(t *testing.T) {
	v, ok := fetch(make(chan int), 10*time.Millisecond)
	if !ok {
		t.Log("timed out")
	} else if v != 42 {
		t.Errorf("got %d", v)
	}
}

func TestFetchFixed(t *testing.T) {
	// A buffered channel: the late worker's send completes and it exits.
	v, ok := fetch(make(chan int, 1), 10*time.Millisecond)
	if !ok {
		t.Log("timed out")
	} else if v != 42 {
		t.Errorf("got %d", v)
	}
}
