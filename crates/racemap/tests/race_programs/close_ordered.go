package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	ch := make(chan int)
	go func() {
		x = 1
		close(ch)
	}()
	<-ch
	fmt.Println(x)
	time.Sleep(10 * time.Millisecond)
}
