// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 325: 1 |rc=0 race=no
// go 75: |rc=hang race=no fatal error: all goroutines are asleep - deadlock!

package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() {
		select {
		case ch <- 1:
		default:
		}
	}()
	fmt.Println(<-ch)
}
