// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 272: cancelled context canceled |rc=0 race=no
// go 128: work 1 |rc=0 race=no

package main

import (
	"context"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	res := make(chan string, 1)
	work := make(chan int)
	go func() {
		select {
		case <-ctx.Done():
			res <- "cancelled " + ctx.Err().Error()
		case v := <-work:
			res <- fmt.Sprint("work ", v)
		}
	}()
	go func() { work <- 1 }()
	cancel()
	fmt.Println(<-res)
}
