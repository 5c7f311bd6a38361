// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 400: 2 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	m := map[string]int{"a": 1}
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rw.RLock()
			_ = m["a"]
			rw.RUnlock()
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		rw.Lock()
		m["a"]++
		rw.Unlock()
	}()
	wg.Wait()
	fmt.Println(m["a"])
}
