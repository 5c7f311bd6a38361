package main

import (
	"fmt"
	"sync"
)

// A fatal error is not a panic: the deferred recover never sees concurrent map writes.
func main() {
	m := map[int]int{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("recovered", r)
				}
			}()
			m[i] = i
		}(i)
	}
	wg.Wait()
	fmt.Println("done", len(m))
}
