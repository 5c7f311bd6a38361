package main

import (
	"fmt"
	"os"
)

// os.Exit ends the program at once with its status: deferred calls do not run, and other
// goroutines stop where they are.
func main() {
	defer fmt.Println("deferred: not printed")
	done := make(chan bool)
	go func() {
		defer fmt.Println("goroutine's deferred: not printed")
		fmt.Fprintln(os.Stderr, "goroutine: exiting with 3")
		done <- true
		select {}
	}()
	<-done
	fmt.Println("main: waiting")
	if true {
		exit(3)
	}
	fmt.Println("not reached")
}

func exit(code int) {
	defer fmt.Println("exit's deferred: not printed")
	os.Exit(code)
}
