// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 143: 10 |rc=66 races=1
// go 56:  |rc=2 races=1 fatal error: concurrent map writes
// go 1: 9 |rc=66 races=2

package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			m[i] = i * i
		}(i)
	}
	wg.Wait()
	fmt.Println(len(m))
}
