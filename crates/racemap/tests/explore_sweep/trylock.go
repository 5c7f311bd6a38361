// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 399: true true |rc=0 race=no
// go 1: false true |rc=0 race=no
// legal: true false |rc=0 race=no -- the goroutines take turns: each TryLock finds the lock free; or the second one tries while the first holds it

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var got [2]bool
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if mu.TryLock() {
				got[i] = true
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(got[0], got[1])
}
