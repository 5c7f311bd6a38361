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
		mu.RLock()
		fmt.Println(x)
		mu.RUnlock()
	}()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	x = 1
	mu.Unlock()
}
