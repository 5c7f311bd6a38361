// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 133: 80 |rc=66 races=1
// go 67:  |rc=2 races=1 fatal error: concurrent map writes

package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				m[g*100+i] = i
			}
		}(g)
	}
	wg.Wait()
	fmt.Println(len(m))
}
