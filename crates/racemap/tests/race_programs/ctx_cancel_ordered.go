package main

import (
	"context"
	"fmt"
)

// cancel closes ctx.Done(): what main wrote before cancel is visible to the worker after it
// sees Done, and the worker's result after its send.
func main() {
	ctx, cancel := context.WithCancel(context.Background())
	results := make(chan int)
	shared := 0
	go func() {
		<-ctx.Done()
		results <- shared + 1
	}()
	shared = 41
	cancel()
	fmt.Println(<-results, ctx.Err())
}
