// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 398: ok |rc=0 race=no
// go 2: |rc=2 race=no panic: close of closed channel
// legal: ok |rc=2 race=no panic: close of closed channel -- the deferred wg.Done runs while the second closer panics; main prints before the panic ends the program

package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case <-ch:
			default:
				close(ch)
			}
		}()
	}
	wg.Wait()
	fmt.Println("ok")
}
