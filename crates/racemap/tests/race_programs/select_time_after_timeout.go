package main

import (
	"fmt"
	"time"
)

func slow(d time.Duration, c chan<- string) {
	time.Sleep(d)
	c <- fmt.Sprint("done after ", d)
}

func main() {
	c := make(chan string)
	go slow(50*time.Millisecond, c)
	select {
	case msg := <-c:
		fmt.Println(msg)
	case <-time.After(10 * time.Millisecond):
		fmt.Println("timed out")
	}
}
