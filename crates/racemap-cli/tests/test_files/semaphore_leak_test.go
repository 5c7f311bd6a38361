package limiter

import (
	"errors"
	"testing"
)

// A channel of capacity 1 is the semaphore; the error path returns without releasing its
// slot, so the next acquire blocks forever (a deadlock).
var errBad = errors.New("bad input")

func work(sem chan struct{}, n int) error {
	sem <- struct{}{}
	if n < 0 {
		return errBad
	}
	<-sem
	return nil
}

func TestLimiter(t *testing.T) {
	sem := make(chan struct{}, 1)
	done := make(chan bool)
	go func() {
		work(sem, -1)
		done <- true
	}()
	<-done
	work(sem, 1)
}

func workFixed(sem chan struct{}, n int) error {
	sem <- struct{}{}
	defer func() { <-sem }()
	if n < 0 {
		return errBad
	}
	return nil
}

func TestLimiterFixed(t *testing.T) {
	sem := make(chan struct{}, 1)
	done := make(chan bool)
	go func() {
		workFixed(sem, -1)
		done <- true
	}()
	<-done
	if err := workFixed(sem, 1); err != nil {
		t.Error(err)
	}
}
