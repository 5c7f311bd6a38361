// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 61: worker 0 worker 1 worker 2 |rc=0 races=0
// go 57: worker 2 worker 0 worker 1 |rc=0 races=0
// go 47: worker 1 worker 0 worker 2 |rc=0 races=0
// go 24: worker 2 worker 1 worker 0 |rc=0 races=0
// go 6: worker 1 worker 2 worker 0 |rc=0 races=0
// go 5: worker 0 worker 2 worker 1 |rc=0 races=0

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			fmt.Println("worker", id)
		}(i)
	}
	wg.Wait()
}
