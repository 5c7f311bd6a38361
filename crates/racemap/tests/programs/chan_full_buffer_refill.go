// Two senders block on a full buffered channel, one after the other. Go's receive from a
// full buffer with a sender waiting takes the buffer's head and moves the first waiting
// sender's value to its tail in the same step (runtime/chan.go recv): the sender that
// blocked second can never take the freed slot first.
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int, 1)
	c <- 0
	go func() { c <- 1 }()
	time.Sleep(10 * time.Millisecond)
	go func() { c <- 2 }()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(<-c, <-c, <-c)
}
