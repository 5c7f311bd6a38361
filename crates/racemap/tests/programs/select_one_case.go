package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	done := make(chan bool)
	go func() {
		select {
		case ch <- 1:
			fmt.Println("sent")
			break
		}
		done <- true
	}()
	<-done
	select {
	case v, ok := <-ch:
		fmt.Println(v, ok)
		if ok {
			break
		}
		fmt.Println("no")
	}
	var nilch chan int
	go func() {
		select {
		case nilch <- 1:
		}
	}()
	select {}
}
