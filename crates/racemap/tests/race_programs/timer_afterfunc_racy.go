package main

import (
	"fmt"
	"time"
)

// time.AfterFunc runs f in its own goroutine: its map write races with main's.
func main() {
	m := map[string]int{}
	done := make(chan bool)
	time.AfterFunc(time.Millisecond, func() {
		m["a"] = 1
		done <- true
	})
	m["b"] = 2
	<-done
	fmt.Println(len(m))
}
