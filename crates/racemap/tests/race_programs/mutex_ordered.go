package main

import (
	"fmt"
	"sync"
	"time"
)

var x int

func main() {
	var mu sync.Mutex
	go func() {
		mu.Lock()
		x = 1
		mu.Unlock()
	}()
	mu.Lock()
	x = 2
	mu.Unlock()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	fmt.Println(x)
	mu.Unlock()
}
