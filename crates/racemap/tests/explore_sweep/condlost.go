// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 315: |rc=hang race=no fatal error: all goroutines are asleep - deadlock!
// go 85: woken |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	done := make(chan bool)
	go func() {
		mu.Lock()
		c.Wait()
		mu.Unlock()
		fmt.Println("woken")
		done <- true
	}()
	mu.Lock()
	c.Signal()
	mu.Unlock()
	<-done
}
