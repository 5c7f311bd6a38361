package main

import (
	"fmt"
	"sync"
)

func main() {
	defer func() {
		fmt.Println("never printed", recover())
	}()
	var mu sync.Mutex
	mu.Unlock()
}
