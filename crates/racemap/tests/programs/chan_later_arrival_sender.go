// Two receivers block on an unbuffered channel, one after the other; then main sends
// twice, each time arriving at a receiver already queued: Go hands the first value to the
// receiver that blocked first (recvq is FIFO), whose reply comes back first.
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int)
	out := make(chan string, 2)
	recv := func(name string) { v := <-c; out <- fmt.Sprint(name, v) }
	go recv("a")
	time.Sleep(10 * time.Millisecond)
	go recv("b")
	time.Sleep(10 * time.Millisecond)
	c <- 1
	c <- 2
	x, y := <-out, <-out
	if x > y {
		x, y = y, x
	}
	fmt.Println(x, y)
}
