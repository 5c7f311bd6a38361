package main

import (
	"fmt"
	"sync/atomic"
)

// A config published through an atomic.Value; copying the Value by value is a plain read of
// its words, which races with the goroutine's Store.
func main() {
	var v atomic.Value
	done := make(chan bool)
	go func() {
		v.Store("on")
		done <- true
	}()
	c := v
	fmt.Println(c.Load() == nil || c.Load() == "on")
	<-done
	fmt.Println(v.Load())
}
