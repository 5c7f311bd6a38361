// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 400: |rc=2 race=no fatal error: sync: unlock of unlocked mutex

package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	done := make(chan bool)
	mu.Lock()
	go func() {
		mu.Unlock()
		done <- true
	}()
	go func() {
		mu.Unlock()
		done <- true
	}()
	<-done
	<-done
	fmt.Println("unreachable?")
}
