package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	ch := make(chan int, 1)
	go func() {
		ch <- 1
		x = 1
	}()
	<-ch
	fmt.Println(x)
	time.Sleep(10 * time.Millisecond)
}
