package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	done := make(chan bool)
	go func() {
		select {
		case ch <- 1:
		}
		done <- true
	}()
	<-done
	close(ch)
	for v := range ch {
		fmt.Println(v)
	}
}
