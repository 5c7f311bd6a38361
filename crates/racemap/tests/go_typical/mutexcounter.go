// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 27: [3 0 1 2] |rc=0 races=0
// go 24: [0 1 2 3] |rc=0 races=0
// go 23: [1 0 2 3] |rc=0 races=0
// go 14: [2 1 0 3] |rc=0 races=0
// go 14: [2 0 1 3] |rc=0 races=0
// go 13: [0 2 1 3] |rc=0 races=0
// go 12: [0 3 1 2] |rc=0 races=0
// go 11: [3 1 0 2] |rc=0 races=0
// go 10: [3 1 2 0] |rc=0 races=0
// go 10: [3 0 2 1] |rc=0 races=0
// go 9: [0 3 2 1] |rc=0 races=0
// go 6: [0 1 3 2] |rc=0 races=0
// go 5: [0 2 3 1] |rc=0 races=0
// go 4: [1 3 2 0] |rc=0 races=0
// go 4: [1 0 3 2] |rc=0 races=0
// go 3: [2 1 3 0] |rc=0 races=0
// go 2: [3 2 0 1] |rc=0 races=0
// go 2: [2 0 3 1] |rc=0 races=0
// go 2: [1 2 3 0] |rc=0 races=0
// go 2: [1 2 0 3] |rc=0 races=0
// go 1: [3 2 1 0] |rc=0 races=0
// go 1: [2 3 1 0] |rc=0 races=0
// go 1: [2 3 0 1] |rc=0 races=0

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	order := []int{}
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(order)
}
