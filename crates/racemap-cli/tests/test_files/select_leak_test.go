package pubsub

import "testing"

// Each subscriber goroutine forwards one event in a select that also waits on quit; the
// test stops listening after the first event but never closes quit: the others leak.
func publish(events chan<- int, quit <-chan struct{}) {
	for i := 0; i < 2; i++ {
		go func(i int) {
			select {
			case events <- i:
			case <-quit:
			}
		}(i)
	}
}

func TestPublish(t *testing.T) {
	events := make(chan int)
	quit := make(chan struct{})
	publish(events, quit)
	<-events
}

func TestPublishFixed(t *testing.T) {
	events := make(chan int)
	quit := make(chan struct{})
	defer close(quit)
	publish(events, quit)
	<-events
}
