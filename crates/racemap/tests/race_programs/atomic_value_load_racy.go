package main

import (
	"fmt"
	"sync/atomic"
)

// Resetting an atomic.Value with a plain assignment while another goroutine Loads it is a
// race on its type word; a later Store next to a plain copy is not (it only loads that word).
func main() {
	var v atomic.Value
	v.Store(1)
	done := make(chan bool)
	go func() {
		v.Store(2)
		fmt.Println(v.Load())
		done <- true
	}()
	c := v
	_ = c.Load()
	v = atomic.Value{}
	<-done
}
