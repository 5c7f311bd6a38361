package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	ch := make(chan int)
	go func() {
		<-ch
		x = 1
	}()
	ch <- 1
	fmt.Println(x)
	time.Sleep(10 * time.Millisecond)
}
