package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[string]int{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			m[fmt.Sprint("k", n)] = n
		}(i)
	}
	wg.Wait()
	fmt.Println(len(m))
}
