package main

import (
	"fmt"
	"time"
)

// A worker that may or may not answer before the timeout: both outcomes are possible in Go
// (the explorer lets the timer fire any time after it was armed).
func main() {
	done := make(chan string, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		done <- "done"
	}()
	select {
	case s := <-done:
		fmt.Println(s)
	case <-time.After(50 * time.Millisecond):
		fmt.Println("timeout")
	}
}
