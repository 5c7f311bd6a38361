// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 145: 1 1 |rc=0 race=no
// go 143: 0 0 |rc=0 race=no
// go 95: 0 1 |rc=0 race=no
// go 17: 1 0 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	ch := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	got := map[int]int{}
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for v := range ch {
				mu.Lock()
				got[v] = w
				mu.Unlock()
			}
		}(w)
	}
	ch <- 1
	ch <- 2
	close(ch)
	wg.Wait()
	fmt.Println(got[1], got[2])
}
