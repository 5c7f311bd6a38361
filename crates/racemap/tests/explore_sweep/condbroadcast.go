// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 207: 0 1 |rc=0 race=no
// go 193: 1 0 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	go_ := false
	done := make(chan int)
	for i := 0; i < 2; i++ {
		go func(i int) {
			mu.Lock()
			for !go_ {
				c.Wait()
			}
			mu.Unlock()
			done <- i
		}(i)
	}
	mu.Lock()
	go_ = true
	c.Signal()
	mu.Unlock()
	fmt.Println(<-done)
	mu.Lock()
	c.Broadcast()
	mu.Unlock()
	fmt.Println(<-done)
}
