// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 121: g1 sent a g2 got a 1 |rc=0 race=no
// go 118: g2 sent b g1 got b 2 |rc=0 race=no
// go 81: g2 got a 1 g1 sent a |rc=0 race=no
// go 80: g1 got b 2 g2 sent b |rc=0 race=no

package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	res := make(chan string, 2)
	go func() {
		select {
		case a <- 1:
			res <- "g1 sent a"
		case v := <-b:
			res <- fmt.Sprint("g1 got b ", v)
		}
	}()
	go func() {
		select {
		case b <- 2:
			res <- "g2 sent b"
		case v := <-a:
			res <- fmt.Sprint("g2 got a ", v)
		}
	}()
	fmt.Println(<-res)
	fmt.Println(<-res)
}
