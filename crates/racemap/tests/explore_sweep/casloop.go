// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 387: 2 false |rc=0 race=no
// go 13: 2 true |rc=0 race=no

package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var x int32
	var wg sync.WaitGroup
	var retries int32
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				old := atomic.LoadInt32(&x)
				if atomic.CompareAndSwapInt32(&x, old, old+1) {
					return
				}
				atomic.AddInt32(&retries, 1)
			}
		}()
	}
	wg.Wait()
	fmt.Println(x, retries > 0)
}
