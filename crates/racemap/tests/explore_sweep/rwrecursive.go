// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 397: |rc=hang race=no fatal error: all goroutines are asleep - deadlock!
// go 3: reader again writer |rc=0 race=no

package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	done := make(chan bool)
	rw.RLock()
	go func() {
		rw.Lock()
		fmt.Println("writer")
		rw.Unlock()
		done <- true
	}()
	time.Sleep(time.Millisecond)
	rw.RLock()
	fmt.Println("reader again")
	rw.RUnlock()
	rw.RUnlock()
	<-done
}
