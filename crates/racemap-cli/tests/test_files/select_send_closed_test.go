package ticker

import (
	"sync"
	"testing"
)

// The sender selects between sending an update and stopping, but the test closes the updates
// channel itself to stop: a select case that sends on a closed channel panics, even though
// the stop case is ready too.
func TestUpdates(t *testing.T) {
	updates := make(chan int, 1)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 2; i++ {
			select {
			case updates <- i:
			case <-stop:
				return
			}
		}
	}()
	<-updates
	close(stop)
	close(updates)
	wg.Wait()
}

// The fix stops the sender and waits for it before the receiver side closes nothing at all.
func TestUpdatesFixed(t *testing.T) {
	updates := make(chan int, 1)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 2; i++ {
			select {
			case updates <- i:
			case <-stop:
				return
			}
		}
	}()
	<-updates
	close(stop)
	wg.Wait()
}
