package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.RWMutex
	mu.RLock()
	mu.RUnlock()
	fmt.Println("ok")
	mu.RUnlock()
}
