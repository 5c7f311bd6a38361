// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 138: a b c |rc=0 race=no
// go 97: c a b |rc=0 race=no
// go 73: b a c |rc=0 race=no
// go 48: a c b |rc=0 race=no
// go 37: c b a |rc=0 race=no
// go 7: b c a |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			fmt.Println(s)
		}(s)
	}
	wg.Wait()
}
