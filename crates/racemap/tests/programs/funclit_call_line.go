package main

import "fmt"

// A function literal called where it is written: the caller's frame points at the call's
// `(`, on the line of the literal's closing brace, not at the `func` keyword.
func main() {
	total := 0
	for _, n := range []int{1, 2, 3} {
		func() {
			total += n
		}()
	}
	fmt.Println(total)
	func() {
		defer fmt.Println("deferred")
		var m map[string]int
		m["a"] = 1
	}()
}
