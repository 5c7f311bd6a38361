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
		mu.Unlock()
		x = 1
	}()
	time.Sleep(10 * time.Millisecond)
	mu.RLock()
	fmt.Println(x)
	mu.RUnlock()
}
