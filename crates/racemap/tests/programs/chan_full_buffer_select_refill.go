// A select blocks sending on a full buffered channel, then a plain send blocks there too;
// each receive from the full buffer moves the first blocked sender's value in (Go's recv
// from a full buffer with a sender waiting).
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan int, 2)
	c <- 10
	c <- 20
	never := make(chan bool)
	go func() {
		select {
		case c <- 1:
		case <-never:
		}
	}()
	time.Sleep(10 * time.Millisecond)
	go func() { c <- 2 }()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(<-c, <-c, <-c, <-c)
}
