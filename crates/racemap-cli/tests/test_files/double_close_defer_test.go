package stream

import "testing"

// The producer closes its output on the error path and again in the deferred close: a
// double close, which panics whenever the error path runs.
func produce(out chan<- int, fail bool) {
	defer close(out)
	if fail {
		close(out)
		return
	}
	out <- 1
}

func TestProduce(t *testing.T) {
	out := make(chan int, 1)
	go produce(out, true)
	for range out {
	}
}

func produceFixed(out chan<- int, fail bool) {
	defer close(out)
	if fail {
		return
	}
	out <- 1
}

func TestProduceFixed(t *testing.T) {
	out := make(chan int, 1)
	go produceFixed(out, true)
	for range out {
	}
}
