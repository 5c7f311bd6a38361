package spin

import (
	"runtime"
	"testing"
)

// TestSpinOnFlag waits for a goroutine by spinning on a plain bool: the flag and the message
// race (Go's race detector reports both), yet the loop ends because Gosched lets the writer run.
func TestSpinOnFlag(t *testing.T) {
	done := false
	msg := ""
	go func() {
		msg = "hello"
		done = true
	}()
	for !done {
		runtime.Gosched()
	}
	if msg != "hello" {
		t.Fatalf("msg = %q", msg)
	}
}
