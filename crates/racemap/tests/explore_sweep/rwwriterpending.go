// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 220: reader sees 1 1 |rc=0 race=no
// go 180: reader sees 0 1 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	x := 0
	rw.RLock()
	wg.Add(2)
	go func() {
		defer wg.Done()
		rw.Lock()
		x = 1
		rw.Unlock()
	}()
	go func() {
		defer wg.Done()
		rw.RLock()
		fmt.Println("reader sees", x)
		rw.RUnlock()
	}()
	rw.RUnlock()
	wg.Wait()
	fmt.Println(x)
}
