package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(time.Millisecond)
		fmt.Println("worker exiting without sending")
	}()
	select {
	case v := <-ch:
		fmt.Println(v)
	}
}
