// Go hands a receive the value of the sender that blocked first (runtime/chan.go's FIFO sendq),
// not the one created first.
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	start := make(chan bool)
	go func() { <-start; ch <- 1 }() // created first, parks second
	go func() { ch <- 2 }()          // parks first
	time.Sleep(10 * time.Millisecond)
	close(start)
	time.Sleep(10 * time.Millisecond)
	fmt.Println(<-ch, <-ch)
}
