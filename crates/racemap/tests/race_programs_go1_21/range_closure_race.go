package main

import (
	"fmt"
	"sync"
)

// Before Go 1.22 the goroutines share the loop's one `k`: the lock does not order their
// reads of it with the loop's next assignment.
func main() {
	m := map[string]int{"a": 1}
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[string]bool{}
	for _, k := range []string{"a", "b", "c"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			seen[k] = true
			_ = m[k]
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(len(seen) > 0)
}
