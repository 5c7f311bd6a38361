// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 200: 5 |rc=66 races=1

package main

import (
	"fmt"
	"sync"
)

func main() {
	results := map[string]int{}
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			results[name] = len(name)
		}(name)
	}
	wg.Wait()
	fmt.Println(len(results))
}
