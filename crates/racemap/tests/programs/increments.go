package main

import (
	"fmt"
	"sync"
)

func main() {
	counts := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts["hits"]++
		}()
	}
	wg.Wait()
	fmt.Println(counts["hits"])
}
