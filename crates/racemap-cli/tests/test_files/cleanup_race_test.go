package cl

import (
	"testing"
	"time"
)

// A test's cleanup races with a goroutine the test started: Go 1.19's report shows the
// cleanup called from testing's runCleanup in tRunner's deferred function, itself called from
// runtime.deferreturn (a race build does not open-code defers).

var shared int

func TestCleanupRace(t *testing.T) {
	go func() {
		shared = 1
	}()
	t.Cleanup(func() {
		shared = 2
	})
	time.Sleep(5 * time.Millisecond)
}
