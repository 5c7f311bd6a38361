package poller

import (
	"context"
	"testing"
)

// The poller stops when its context is canceled; the test never calls cancel, so the
// poller goroutine is blocked forever in its select (go vet's lostcancel warns about the
// discarded cancel).
func poll(ctx context.Context, ticks <-chan int, seen chan<- int) {
	for {
		select {
		case <-ctx.Done():
			return
		case n := <-ticks:
			seen <- n
		}
	}
}

func TestPoll(t *testing.T) {
	ctx, _ := context.WithCancel(context.Background())
	ticks, seen := make(chan int), make(chan int)
	go poll(ctx, ticks, seen)
	ticks <- 1
	if n := <-seen; n != 1 {
		t.Errorf("seen %d", n)
	}
}

func TestPollFixed(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ticks, seen := make(chan int), make(chan int)
	go poll(ctx, ticks, seen)
	ticks <- 1
	if n := <-seen; n != 1 {
		t.Errorf("seen %d", n)
	}
}
