package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	done := make(chan bool)
	go func() {
		mu.Lock()
		c.Wait() // BUG: no predicate: a Signal sent before this Wait is lost
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	c.Signal()
	mu.Unlock()
	<-done
	fmt.Println("woken")
}
