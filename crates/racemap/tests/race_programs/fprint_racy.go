package main

import (
	"fmt"
	"os"
)

// main reads x for fmt.Fprintln to os.Stderr: a read racing with the goroutine's write.
func main() {
	x := 1
	done := make(chan bool)
	go func() {
		x = 2
		done <- true
	}()
	fmt.Fprintln(os.Stderr, x > 0)
	fmt.Fprintf(os.Stdout, "%s\n", "printed")
	<-done
}
