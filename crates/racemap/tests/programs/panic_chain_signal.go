package main

import "fmt"

// A nil dereference recovered in a deferred call that panics again: the first panic is still
// in the chain, so Go prints its `[signal SIGSEGV ...]` line after both messages.
func main() {
	defer fmt.Println("main deferred")
	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
			panic(fmt.Sprint("again: ", r))
		}()
		var p *int
		fmt.Println(*p)
	}()
}
