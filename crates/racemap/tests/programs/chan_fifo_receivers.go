// Go's channels queue blocked receivers first come, first served (runtime/chan.go's recvq), on
// an unbuffered and on a buffered channel (a send hands its value to the first waiting
// receiver), whatever order the goroutines were created in.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	for _, size := range []int{0, 1} {
		ch := make(chan int, size)
		start := make(chan bool)
		var wg sync.WaitGroup
		var first, second int
		wg.Add(2)
		go func() { defer wg.Done(); <-start; first = <-ch }() // created first, waits second
		go func() { defer wg.Done(); second = <-ch }()         // waits first
		time.Sleep(10 * time.Millisecond)
		close(start)
		time.Sleep(10 * time.Millisecond)
		ch <- 1
		time.Sleep(10 * time.Millisecond)
		ch <- 2
		wg.Wait()
		fmt.Println(size, first, second)
	}
}
