package main

import (
	"fmt"
	"sync"
)

// Copying the range variable inside the body (`k := k`) gives each goroutine its own.
func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[string]bool{}
	for _, k := range []string{"a", "b", "c"} {
		k := k
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen[k] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(seen))
}
