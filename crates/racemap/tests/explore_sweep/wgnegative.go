// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 235: |rc=2 race=no panic: sync: negative WaitGroup counter
// go 128: waited |rc=0 race=no
// go 37: waited |rc=2 race=no panic: sync: negative WaitGroup counter
// legal:  |rc=2 race=no panic: sync: WaitGroup is reused before previous Wait has returned -- the second Done makes the counter negative after the first woke Wait, which sees a non-zero state before the Done panics
// legal:  |rc=2 race=no panic: sync: WaitGroup misuse: Add called concurrently with Wait -- the first Done (counter 0, a waiter) re-reads the state after the second Done changed it

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	for i := 0; i < 2; i++ {
		go func() {
			wg.Done()
		}()
	}
	wg.Wait()
	fmt.Println("waited")
}
