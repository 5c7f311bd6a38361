// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 324: not ready |rc=0 race=no
// go 76: 42 |rc=0 race=no

package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var ready int32
	data := 0
	done := make(chan bool)
	go func() {
		data = 42
		atomic.StoreInt32(&ready, 1)
		done <- true
	}()
	if atomic.LoadInt32(&ready) == 1 {
		fmt.Println(data)
	} else {
		fmt.Println("not ready")
	}
	<-done
}
