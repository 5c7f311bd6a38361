package main

import (
	"fmt"
	"sync"
	"time"
)

var x int

func main() {
	var mu sync.RWMutex
	go func() {
		mu.Lock()
		x = 1
		mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	mu.RLock()
	fmt.Println(x)
	mu.RUnlock()
}
