// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 398: timer first 1 |rc=0 race=no
// go 2: ch first |rc=0 race=no

package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	go func() {
		time.Sleep(2 * time.Millisecond)
		ch <- 1
	}()
	t := time.NewTimer(time.Millisecond)
	select {
	case <-ch:
		fmt.Println("ch first")
		if !t.Stop() {
			<-t.C
		}
	case <-t.C:
		fmt.Println("timer first")
		fmt.Println(<-ch)
	}
}
