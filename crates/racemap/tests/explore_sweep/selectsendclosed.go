// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 209: sent other |rc=0 race=no
// go 176: sent ch |rc=66 race=yes
// go 15: |rc=2 race=yes panic: send on closed channel

package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	other := make(chan int, 1)
	done := make(chan bool)
	go func() {
		close(ch)
		done <- true
	}()
	select {
	case ch <- 1:
		fmt.Println("sent ch")
	case other <- 2:
		fmt.Println("sent other")
	}
	<-done
}
