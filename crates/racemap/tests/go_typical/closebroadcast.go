// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 46: go 0 go 1 go 2 |rc=0 races=0
// go 41: go 1 go 0 go 2 |rc=0 races=0
// go 39: go 2 go 0 go 1 |rc=0 races=0
// go 30: go 0 go 2 go 1 |rc=0 races=0
// go 24: go 2 go 1 go 0 |rc=0 races=0
// go 20: go 1 go 2 go 0 |rc=0 races=0

package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			fmt.Println("go", i)
		}(i)
	}
	close(start)
	wg.Wait()
}
