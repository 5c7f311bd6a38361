// A goroutine blocked in a select waits in the queue of every case's channel at once, in the
// order it arrived there (runtime/select.go enqueues it on each channel), and leaves every
// other queue when one case fires. Each goroutine created first arrives second.
package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan int)
	b := make(chan int)
	got := make(chan string, 4)
	pause := func() { time.Sleep(10 * time.Millisecond) }
	sel := func() {
		select {
		case v := <-a:
			got <- fmt.Sprint("select a ", v)
		case v := <-b:
			got <- fmt.Sprint("select b ", v)
		}
	}

	// The select waits on b before the plain receiver.
	start := make(chan bool)
	go func() { <-start; got <- fmt.Sprint("plain b ", <-b) }()
	go sel()
	pause()
	close(start)
	pause()
	b <- 1
	fmt.Println(<-got)
	b <- 2
	fmt.Println(<-got)

	// The select waits on a before the plain receiver; a send on b fires it, and it leaves
	// a's queue: the send on a goes to the plain receiver.
	start = make(chan bool)
	go func() { <-start; got <- fmt.Sprint("plain a ", <-a) }()
	go sel()
	pause()
	close(start)
	pause()
	b <- 3
	fmt.Println(<-got)
	a <- 4
	fmt.Println(<-got)

	// Senders: a select sending on a waits before a plain sender.
	start = make(chan bool)
	go func() { <-start; a <- 5 }()
	go func() {
		select {
		case a <- 6:
		case b <- 7:
		}
	}()
	pause()
	close(start)
	pause()
	fmt.Println(<-a, <-a)
}
