// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 250: 0 0 1 |rc=0 race=no
// go 150: 1 0 1 |rc=0 race=no

package main

import "fmt"

func main() {
	chans := []chan int{make(chan int, 1), make(chan int, 1)}
	done := make(chan int)
	for i := range chans {
		go func(c chan int, i int) {
			c <- i
			done <- i
		}(chans[i], i)
	}
	first := <-done
	<-done
	fmt.Println(first, <-chans[0], <-chans[1])
}
