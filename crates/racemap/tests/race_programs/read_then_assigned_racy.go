package main

import (
	"fmt"
	"time"
)

// limit is read by the goroutine and assigned by main afterwards, with nothing ordering the
// two: a race, although most uses of limit are reads.
func main() {
	limit := 3
	done := make(chan bool)
	go func() {
		fmt.Println("limit", limit)
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	limit = 4
	<-done
	fmt.Println(limit)
}
