package ex

import "fmt"

var shared int

func ExampleRace() {
	done := make(chan bool)
	go func() {
		shared = 1
		done <- true
	}()
	shared = 2
	<-done
	fmt.Println("done")
	// Output: done
}

func ExampleAfter() {
	fmt.Println("after")
	// Output: after
}
