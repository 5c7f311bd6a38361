package main

import "fmt"

// Blocked forever: Go 1.19 prints unused register arguments as 0x0? and cuts the list after
// ten words.
func many(a, b, c, d, e, f, g, h, i, j, k, l int, ch chan int) {
	<-ch
}

func unused(id int, name string, xs []int, ch chan int) {
	ch <- 1
}

func main() {
	ch := make(chan int)
	go many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, make(chan int))
	go unused(7, "x", []int{1}, make(chan int))
	fmt.Println("waiting")
	<-ch
}
