package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	sem := make(chan int, 1)
	sem <- 1
	go func() {
		x = 1
		<-sem
	}()
	sem <- 1
	fmt.Println(x)
	time.Sleep(10 * time.Millisecond)
}
