package main

import (
	"fmt"
	"os"
)

// os.Exit(0) after a race: Go's race detector still fails the program (exit status 66);
// os.Exit with another status keeps it.
func main() {
	x := 0
	done := make(chan bool)
	go func() {
		x = 1
		done <- true
	}()
	fmt.Println(x >= 0)
	<-done
	os.Exit(0)
}
