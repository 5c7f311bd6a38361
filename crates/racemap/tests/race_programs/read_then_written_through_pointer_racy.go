package main

import (
	"fmt"
	"time"
)

var name = "first"

// name is only read by name, but main writes it through a pointer after the goroutine's
// read, with nothing ordering the two: a race.
func main() {
	p := &name
	done := make(chan bool)
	go func() {
		fmt.Println(name)
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	*p = "second"
	<-done
}
