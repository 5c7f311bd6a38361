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
		mu.RUnlock()
		fmt.Println(x)
	}()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	x = 1
	mu.Unlock()
}
