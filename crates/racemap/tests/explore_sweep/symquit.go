// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 205: 1 |rc=0 race=no
// go 195: 2 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	stopped := 0
	chans := make([]chan int, 2)
	for i := range chans {
		chans[i] = make(chan int, 1)
		wg.Add(1)
		go func(c chan int) {
			defer wg.Done()
			select {
			case <-c:
			case <-quit:
				mu.Lock()
				stopped++
				mu.Unlock()
			}
		}(chans[i])
	}
	chans[0] <- 1
	close(quit)
	wg.Wait()
	fmt.Println(stopped)
}
