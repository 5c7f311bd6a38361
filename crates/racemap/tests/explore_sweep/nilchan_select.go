// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 400: ch 5 |rc=0 race=no

package main

import "fmt"

func main() {
	var nilc chan int
	ch := make(chan int, 1)
	go func() { ch <- 5 }()
	select {
	case v := <-nilc:
		fmt.Println("nil", v)
	case v := <-ch:
		fmt.Println("ch", v)
	}
}
