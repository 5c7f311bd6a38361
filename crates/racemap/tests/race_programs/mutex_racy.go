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
	x = 2
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	fmt.Println(x)
	mu.Unlock()
}
