// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 2: 9 0 1 3 2 5 6 4 7 8 |rc=0 races=0
// go 2: 9 0 1 2 3 5 4 7 8 6 |rc=0 races=0
// go 2: 8 0 2 3 1 4 5 7 6 9 |rc=0 races=0
// go 2: 8 0 1 2 3 4 5 6 7 9 |rc=0 races=0
// go 1: 9 6 0 1 2 7 4 5 8 3 |rc=0 races=0
// go 1: 9 5 0 2 1 7 3 6 8 4 |rc=0 races=0
// go 1: 9 4 1 2 0 7 3 6 5 8 |rc=0 races=0
// go 1: 9 4 1 0 6 2 7 3 8 5 |rc=0 races=0
// go 1: 9 4 0 2 3 7 1 6 8 5 |rc=0 races=0
// go 1: 9 4 0 2 1 6 5 3 8 7 |rc=0 races=0
// go 1: 9 4 0 1 2 7 3 6 5 8 |rc=0 races=0
// go 1: 9 3 6 8 4 1 2 7 5 0 |rc=0 races=0
// (and 184 more orders)
// known divergence: ten goroutines printing: Go's orders are nearly all distinct (the 200 runs show 196 orders), so only the exit, races and fatal error of seed 0 are checked

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			fmt.Println(id)
		}(i)
	}
	wg.Wait()
}
