// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 187: 1 true |rc=66 race=yes
// go 158: 0 false recovered: send on closed channel |rc=66 race=yes
// go 36: recovered: send on closed channel 0 false |rc=66 race=yes
// go 19: 1 true |rc=0 race=no

package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("recovered:", r)
			}
			done <- true
		}()
		ch <- 1
	}()
	go func() {
		close(ch)
	}()
	v, ok := <-ch
	fmt.Println(v, ok)
	<-done
}
