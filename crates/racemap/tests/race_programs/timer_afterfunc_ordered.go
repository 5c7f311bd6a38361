package main

import (
	"fmt"
	"time"
)

// Arming a timer happens before its function runs (Go's race detector: racerelease in
// addtimer, raceacquire when the timer runs), and f's send before main's receive.
func main() {
	m := map[string]int{}
	m["b"] = 2
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() {
		m["a"] = 1
		done <- true
	})
	<-done
	fmt.Println(len(m))
}
