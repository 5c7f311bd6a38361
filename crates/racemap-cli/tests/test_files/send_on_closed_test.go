package producer

import (
	"sync"
	"testing"
)

// The consumer closes the channel when it has had enough, while a producer may still send:
// send on a closed channel panics.
func TestProduce(t *testing.T) {
	ch := make(chan int, 2)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		ch <- 1
		ch <- 2
	}()
	<-ch
	close(ch)
	wg.Wait()
}

// The fix lets the sender own the channel: only the producer closes it, after its last send.
func TestProduceFixed(t *testing.T) {
	ch := make(chan int, 2)
	go func() {
		ch <- 1
		ch <- 2
		close(ch)
	}()
	for range ch {
	}
}
