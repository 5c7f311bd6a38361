package debounce

import (
	"testing"
	"time"
)

// A debouncer resets its timer when a new event arrives. Stop returns false when the timer
// already fired, and then its channel holds a stale tick unless it is drained; draining
// unconditionally (`<-t.C` after a Stop that returned true) blocks forever.
func TestDebounce(t *testing.T) {
	timer := time.NewTimer(time.Millisecond)
	time.Sleep(2 * time.Millisecond)
	if timer.Stop() {
		t.Log("stopped before it fired")
	}
	<-timer.C // blocks forever when Stop returned true: nothing will ever be sent
	timer.Reset(time.Millisecond)
	<-timer.C
}

func TestDebounceFixed(t *testing.T) {
	timer := time.NewTimer(time.Millisecond)
	time.Sleep(2 * time.Millisecond)
	if !timer.Stop() {
		<-timer.C
	}
	timer.Reset(time.Millisecond)
	<-timer.C
}
