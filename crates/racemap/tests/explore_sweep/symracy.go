// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 156: 2 |rc=66 race=yes
// go 154: 1 |rc=66 race=yes
// go 90: 0 |rc=66 race=yes

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	last := -1
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			last = i
		}(i)
	}
	wg.Wait()
	fmt.Println(last)
}
