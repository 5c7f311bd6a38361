package main

import (
	"fmt"
	"sync"
)

// Two goroutines write different keys of one map with no lock.
func main() {
	scores := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		scores["alice"] = 1
	}()
	go func() {
		defer wg.Done()
		scores["bob"] = 2
	}()
	wg.Wait()
	fmt.Println(len(scores), scores)
}
