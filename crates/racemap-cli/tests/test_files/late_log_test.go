package main

import (
	"testing"
	"time"
)

// The goroutine outlives its subtest: its log joins the parent's output, printed after the
// parent's report line.
func TestLateSubtestLog(t *testing.T) {
	done := make(chan bool)
	t.Run("sub", func(t *testing.T) {
		go func() {
			time.Sleep(10 * time.Millisecond)
			t.Log("late from sub")
			done <- true
		}()
	})
	<-done
	t.Log("parent end")
}

// A top-level test's late log goes to the test binary's root, whose output is never printed.
func TestLateTopLevelLog(t *testing.T) {
	go func() {
		time.Sleep(10 * time.Millisecond)
		t.Log("lost")
	}()
}

func TestWaits(t *testing.T) {
	time.Sleep(50 * time.Millisecond)
}

// A late failure panics.
func TestLateError(t *testing.T) {
	go func() {
		time.Sleep(10 * time.Millisecond)
		t.Errorf("late error %d", 1)
	}()
}

func TestLast(t *testing.T) {
	time.Sleep(50 * time.Millisecond)
}
