package heartbeat

import (
	"testing"
	"time"
)

// The heartbeat goroutine beats on a ticker until it is told to stop; the test forgets to
// stop it, so the goroutine (and its ticker) outlive the test.
func heartbeat(beats chan<- int, stop <-chan struct{}) {
	tk := time.NewTicker(time.Millisecond)
	defer tk.Stop()
	n := 0
	for {
		select {
		case <-tk.C:
			n++
			select {
			case beats <- n:
			default:
			}
		case <-stop:
			return
		}
	}
}

func TestHeartbeat(t *testing.T) {
	beats, stop := make(chan int, 1), make(chan struct{})
	go heartbeat(beats, stop)
	if n := <-beats; n != 1 {
		t.Errorf("first beat %d", n)
	}
}

func TestHeartbeatFixed(t *testing.T) {
	beats, stop := make(chan int, 1), make(chan struct{})
	go heartbeat(beats, stop)
	defer close(stop)
	if n := <-beats; n != 1 {
		t.Errorf("first beat %d", n)
	}
}
