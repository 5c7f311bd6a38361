package main

import "fmt"

// Before Go 1.22 the three goroutines share the loop's one `i`: they read it while the
// loop's post statement writes it.
func main() {
	done := make(chan int, 3)
	for i := 0; i < 3; i++ {
		go func() {
			done <- i
		}()
	}
	seen := 0
	for n := 0; n < 3; n++ {
		if v := <-done; v >= 0 && v <= 3 {
			seen++
		}
	}
	fmt.Println(seen)
}
