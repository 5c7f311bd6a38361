package main

import (
	"fmt"
	"sync"
)

func main() {
	groups := map[string][]int{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			key := "even"
			if i%2 == 1 {
				key = "odd"
			}
			groups[key] = append(groups[key], i)
		}(i)
	}
	wg.Wait()
	fmt.Println(len(groups))
}
