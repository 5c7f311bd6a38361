package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	var wg sync.WaitGroup
	count := 0
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.RLock()
		mu.RLock()
		fmt.Println("reader", count)
		mu.RUnlock()
		mu.RUnlock()
	}()
	mu.Lock()
	count++
	mu.Unlock()
	wg.Wait()
}
