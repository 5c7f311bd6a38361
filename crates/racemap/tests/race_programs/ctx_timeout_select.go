package main

import (
	"context"
	"fmt"
	"time"
)

// A worker races a context deadline: either can win.
func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	result := make(chan string, 1)
	go func() {
		time.Sleep(5 * time.Millisecond)
		result <- "done"
	}()
	select {
	case r := <-result:
		fmt.Println(r)
	case <-ctx.Done():
		fmt.Println(ctx.Err())
	}
}
