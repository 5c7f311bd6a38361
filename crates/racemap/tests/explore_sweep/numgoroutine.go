// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 361: 1 |rc=0 race=no
// go 39: 2 |rc=0 race=no

package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		done <- true
	}()
	<-done
	fmt.Println(runtime.NumGoroutine())
}
