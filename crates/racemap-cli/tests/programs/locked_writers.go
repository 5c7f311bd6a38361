package main

import (
	"fmt"
	"sync"
)

// The same writers, with a mutex: no race, always the same output.
func main() {
	var mu sync.Mutex
	scores := map[string]int{}
	var wg sync.WaitGroup
	for i, name := range []string{"alice", "bob", "carol"} {
		wg.Add(1)
		go func(name string, score int) {
			defer wg.Done()
			mu.Lock()
			scores[name] = score
			mu.Unlock()
		}(name, i+1)
	}
	wg.Wait()
	fmt.Println(len(scores), scores)
}
