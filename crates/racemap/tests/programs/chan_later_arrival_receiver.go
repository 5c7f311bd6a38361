// Two senders block on an unbuffered channel, one after the other; the receiver arrives
// later. In Go the arriving receive takes the head of the FIFO sendq at once (the sender
// that blocked first): a sender parked there never completes the handoff itself, so the
// one that blocked second cannot be paired first.
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int)
	go func() { c <- 1 }()
	time.Sleep(10 * time.Millisecond)
	go func() { c <- 2 }()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(<-c, <-c)
}
