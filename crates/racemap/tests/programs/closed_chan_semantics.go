package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	v, ok := <-ch
	fmt.Println(v, ok, len(ch))
	for v := range ch {
		fmt.Println("range", v)
	}
	v, ok = <-ch
	fmt.Println(v, ok)
	done := make(chan struct{})
	close(done)
	select {
	case <-done:
		fmt.Println("done is closed")
	default:
		fmt.Println("not closed")
	}
	var sendOnly chan<- int = make(chan int, 1)
	sendOnly <- 5
	fmt.Println(len(sendOnly))
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	ch <- 3
}
