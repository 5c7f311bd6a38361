package main

import (
	"context"
	"fmt"
	"time"
)

// The worker reads shared before it looks at ctx.Done(): nothing orders that read after
// main's write.
func main() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan bool)
	shared := 0
	go func() {
		n := shared
		<-ctx.Done()
		fmt.Println(n >= 0)
		done <- true
	}()
	time.Sleep(time.Millisecond)
	shared = 41
	cancel()
	<-done
}
