package flags

import (
	"sync/atomic"
	"testing"
)

// The writer stores the flag atomically, but the reader reads it with a plain load: mixing
// atomic and plain accesses is still a data race.
func TestFlag(t *testing.T) {
	var stopped int32
	done := make(chan bool)
	go func() {
		atomic.StoreInt32(&stopped, 1)
		done <- true
	}()
	if stopped == 1 {
		t.Log("stopped early")
	}
	<-done
}

func TestFlagFixed(t *testing.T) {
	var stopped int32
	done := make(chan bool)
	go func() {
		atomic.StoreInt32(&stopped, 1)
		done <- true
	}()
	if atomic.LoadInt32(&stopped) == 1 {
		t.Log("stopped early")
	}
	<-done
}
