// racemap: --seed 1
package signal
import "testing"

// The worker reports completion with a non-blocking send (select with default) on an
// unbuffered channel: when the test is not yet receiving, the notification is dropped and
// the test waits forever.
func TestNotify(t *testing.T) {
	done := make(chan bool)
	go func() {
		select {
		case done <- true:
		default:
		}
	}()
	<-done
}

// The fix gives the channel room for the one notification.
func TestNotifyFixed(t *testing.T) {
	done := make(chan bool, 1)
	go func() {
		select {
		case done <- true:
		default:
		}
	}()
	<-done
}
