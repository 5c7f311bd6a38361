package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer mu.Unlock()
		fmt.Println("forgot to lock")
	}()
	wg.Wait()
}
