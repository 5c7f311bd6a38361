package main

import (
	"fmt"
	"time"
)

func main() {
	results := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		results <- 1
	}()
	select {
	case r := <-results:
		fmt.Println(r)
	case <-time.After(time.Millisecond):
		fmt.Println("timeout")
		close(results)
	}
	time.Sleep(20 * time.Millisecond)
}
