package main

import (
	"fmt"
	"time"
)

var x, y, z int

// Go numbers goroutines in creation order; timers take no number, but the race runtime makes
// its timer context (one more number) when the first timer fires.
func main() {
	t := time.NewTimer(time.Hour)
	t2 := time.NewTimer(time.Hour)
	done := make(chan bool)
	go func() { x = 1; done <- true }()
	x = 2
	<-done
	t.Stop()
	t2.Stop()
	time.AfterFunc(time.Millisecond, func() { y = 3; done <- true })
	y = 1
	<-done
	go func() { z = 4; done <- true }()
	z = 5
	<-done
	fmt.Println(x, y, z)
}
