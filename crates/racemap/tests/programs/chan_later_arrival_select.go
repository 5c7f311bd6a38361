// Two selects block sending on the same unbuffered channel (their other case is never
// ready), one after the other; then a receive arrives, twice. Go's receive dequeues the
// select that blocked first (a select waits in every case's FIFO queue).
package main

import (
	"fmt"
	"time"
)

func main() {
	c := make(chan string)
	never := make(chan bool)
	send := func(s string) {
		select {
		case c <- s:
		case <-never:
		}
	}
	go send("first")
	time.Sleep(10 * time.Millisecond)
	go send("second")
	time.Sleep(10 * time.Millisecond)
	a := <-c
	b := <-c
	fmt.Println(a, b)
}
