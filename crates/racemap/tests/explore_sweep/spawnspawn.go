// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 203: 01 |rc=0 race=no
// go 197: 10 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	results := make(chan int, 4)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 2; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				results <- i
			}(i)
		}
	}()
	wg.Wait()
	close(results)
	s := ""
	for v := range results {
		s += fmt.Sprint(v)
	}
	fmt.Println(s)
}
