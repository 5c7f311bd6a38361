// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 400: timeout context deadline exceeded |rc=0 race=no
// legal: value 1 |rc=0 race=no -- the timeout goroutine of the context can be delayed past the sender's 20ms sleep (Go orders nothing by time)

package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	ch := make(chan int)
	go func() {
		time.Sleep(20 * time.Millisecond)
		ch <- 1
	}()
	select {
	case <-ctx.Done():
		fmt.Println("timeout", ctx.Err())
	case v := <-ch:
		fmt.Println("value", v)
	}
}
