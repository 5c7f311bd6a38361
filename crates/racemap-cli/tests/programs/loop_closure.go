package main

import "fmt"

// The goroutines read the loop variable `i`. Go 1.22 gives each iteration its own `i`; before
// (`racemap --lang go1.21`; real Go 1.19 reports the race, prints 9 and exits 66) they share one,
// written by the loop's `i++`.
func main() {
	done := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() {
			done <- i
		}()
	}
	fmt.Println(<-done + <-done + <-done)
}
