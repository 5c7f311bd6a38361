package results

import "testing"

// The collector's channel field is never made: sending on a nil channel blocks forever, and
// so does receiving from it.
type Collector struct {
	results chan int
}

func TestCollector(t *testing.T) {
	c := &Collector{}
	go func() {
		c.results <- 1
	}()
	t.Log("started")
}

func TestCollectorFixed(t *testing.T) {
	c := &Collector{results: make(chan int)}
	go func() {
		c.results <- 1
	}()
	<-c.results
}
