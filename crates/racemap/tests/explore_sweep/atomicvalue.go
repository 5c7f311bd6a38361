// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 189: true 1 |rc=0 race=no
// go 167: true 0 |rc=0 race=no
// go 43: false 1 |rc=0 race=no
// go 1: false 0 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var v atomic.Value
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			v.Store(i)
		}(i)
	}
	first := v.Load()
	wg.Wait()
	fmt.Println(first == nil, v.Load())
}
