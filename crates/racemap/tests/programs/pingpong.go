package main

import "fmt"

func main() {
	ping, pong := make(chan int), make(chan int)
	done := make(chan struct{})
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(done)
	}()
	sum := 0
	for i := 1; i <= 3; i++ {
		ping <- i
		sum += <-pong
	}
	close(ping)
	<-done
	fmt.Println("sum", sum)
}
