package main

import "time"

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		ch <- 1
	}()
	<-ch
	<-ch
}
