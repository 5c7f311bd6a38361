// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 151: working done |rc=1 race=no fatal in worker
// go 121: |rc=1 race=no fatal in worker
// go 94: working |rc=1 race=no fatal in worker
// go 34: working done |rc=0 race=no

package main

import (
	"fmt"
	"log"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("working")
	}()
	go func() {
		log.Fatal("fatal in worker")
	}()
	wg.Wait()
	fmt.Println("done")
}
