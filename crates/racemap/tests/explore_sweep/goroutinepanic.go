// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 333: main |rc=2 race=no panic: worker failed
// go 67: |rc=2 race=no panic: worker failed
// legal: main end |rc=0 race=no -- the goroutine is delayed past main's 10ms sleep and main exits first
// legal: main end |rc=2 race=no panic: worker failed -- the goroutine panics after main printed "end", before main exits

package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		panic("worker failed")
	}()
	fmt.Println("main")
	time.Sleep(10 * time.Millisecond)
	fmt.Println("end")
}
