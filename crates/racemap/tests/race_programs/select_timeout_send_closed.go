package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan int, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		results <- 42
	}()
	select {
	case r := <-results:
		fmt.Println("got", r)
	case <-time.After(time.Millisecond):
		fmt.Println("timeout")
		close(results)
	}
	time.Sleep(50 * time.Millisecond)
}
