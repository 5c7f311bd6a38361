// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 329: empty nobody |rc=0 race=no
// go 71: nobody empty |rc=0 race=no

package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		select {
		case ch <- 1:
			fmt.Println("sent")
		default:
			fmt.Println("nobody")
		}
		done <- true
	}()
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("empty")
	}
	<-done
}
