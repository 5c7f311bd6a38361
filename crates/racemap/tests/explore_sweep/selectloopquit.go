// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 400: n 3 |rc=0 race=no

package main

import "fmt"

func main() {
	data := make(chan int)
	quit := make(chan bool)
	go func() {
		for i := 0; i < 2; i++ {
			data <- i
		}
		close(quit)
	}()
	n := 0
	for {
		select {
		case v := <-data:
			n += v + 1
		case <-quit:
			fmt.Println("n", n)
			return
		}
	}
}
