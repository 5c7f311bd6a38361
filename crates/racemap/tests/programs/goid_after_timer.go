package main

import (
	"fmt"
	"time"
)

func main() {
	<-time.After(time.Millisecond)
	fmt.Println("fired")
	done := make(chan bool)
	go func() {
		var m map[string]int
		m["a"] = 1
		done <- true
	}()
	<-done
}
