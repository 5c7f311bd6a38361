// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 206: woke 0 woke 1 |rc=0 race=no
// go 194: woke 1 woke 0 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := 0
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			for ready == 0 {
				c.Wait()
			}
			ready--
			fmt.Println("woke", i)
			mu.Unlock()
		}(i)
	}
	mu.Lock()
	ready = 1
	c.Signal()
	mu.Unlock()
	mu.Lock()
	ready++
	c.Signal()
	mu.Unlock()
	wg.Wait()
}
