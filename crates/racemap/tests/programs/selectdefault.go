package main

import "fmt"

func main() {
	a := make(chan int, 1)
	b := make(chan string, 1)
	select {
	case v := <-a:
		fmt.Println("a", v)
	default:
		fmt.Println("nothing ready")
	}
	b <- "hi"
	select {
	case v := <-a:
		fmt.Println("a", v)
	case s := <-b:
		fmt.Println("b", s)
	}
	var nilch chan int
	select {
	case nilch <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("nil channel never ready")
	}
}
