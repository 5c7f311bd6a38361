// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 100: task 2 failed |rc=0 races=0
// go 100: task 1 failed |rc=0 races=0

package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if i > 0 {
				err := errors.New(fmt.Sprint("task ", i, " failed"))
				once.Do(func() { first = err })
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(first)
}
