// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 172: mxy |rc=0 race=no
// go 158: myx |rc=0 race=no
// go 37: xym |rc=0 race=no
// go 32: xmy |rc=0 race=no
// go 1: ymx |rc=0 race=no
// legal: yxm |rc=0 race=no -- the second goroutine takes the lock first, main last

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	order := ""
	var wg sync.WaitGroup
	for _, s := range []string{"x", "y"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			mu.Lock()
			order += s
			mu.Unlock()
		}(s)
	}
	mu.Lock()
	order += "m"
	mu.Unlock()
	wg.Wait()
	fmt.Println(order)
}
