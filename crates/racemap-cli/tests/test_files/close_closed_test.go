package shutdown

import (
	"sync"
	"testing"
)

// Two failing workers each close the stop channel to stop the others: the second close panics.
func TestStop(t *testing.T) {
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			close(stop)
		}()
	}
	wg.Wait()
	<-stop
}

// The fix closes through a sync.Once.
func TestStopFixed(t *testing.T) {
	stop := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			once.Do(func() { close(stop) })
		}()
	}
	wg.Wait()
	<-stop
}
