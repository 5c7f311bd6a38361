package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	ch := make(chan int)
	go func() {
		close(ch)
		x = 1
	}()
	<-ch
	fmt.Println(x)
	time.Sleep(10 * time.Millisecond)
}
