// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 400: 4 |rc=66 race=yes
// legal: 2 |rc=66 race=yes -- racy x++ loses updates (read, read, write, write)
// legal: 3 |rc=66 race=yes -- racy x++ loses one update

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	x := 0
	for round := 0; round < 2; round++ {
		wg.Add(2)
		for i := 0; i < 2; i++ {
			go func() {
				x++
				wg.Done()
			}()
		}
		wg.Wait()
	}
	fmt.Println(x)
}
