package main

import (
	"fmt"
	"sync/atomic"
)

var ops uint64

func main() {
	done := make(chan bool)
	go func() {
		atomic.AddUint64(&ops, 1)
		done <- true
	}()
	fmt.Println(ops)
	<-done
	fmt.Println(atomic.LoadUint64(&ops))
}
