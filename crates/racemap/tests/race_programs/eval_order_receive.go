package main

import "fmt"

var x int

func get() int { return x }

// A receive is evaluated where it stands among the calls of its statement, and the other
// operands are read after it: every read of x below comes after the receive that orders it
// after the goroutine's write. No race, one output.
func main() {
	done := make(chan int)
	go func() { x = 1; done <- 1 }()
	fmt.Println(<-done, get())
	go func() { x = 2; done <- 1 }()
	a, b := x, <-done
	fmt.Println(a, b)
	m := map[int]int{}
	go func() { x = 3; done <- 1 }()
	m[x] = <-done
	fmt.Println(m)
	go func() { x = 4; done <- 1 }()
	fmt.Println(x, <-done)
	go func() { x = 5; done <- 1 }()
	x += <-done
	fmt.Println(x)
	go func() { x = 7; done <- 1 }()
	s := []int{x, <-done}
	fmt.Println(s)
}
