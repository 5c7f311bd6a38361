// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 212: err1 |rc=0 race=no
// go 188: err2 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr string
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i > 0 {
				once.Do(func() { firstErr = fmt.Sprint("err", i) })
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(firstErr)
}
