// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 232: [0 1] |rc=0 race=no
// go 168: [1 0] |rc=0 race=no

package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	out := []int{}
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			runtime.Gosched()
			mu.Lock()
			out = append(out, i)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(out)
}
