package main

import (
	"fmt"
	"sync"
)

func main() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			close(done)
		}()
	}
	wg.Wait()
	fmt.Println("unreachable")
}
