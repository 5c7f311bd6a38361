package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[string]int{"k": 0}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m["k"]++
		}()
	}
	wg.Wait()
	fmt.Println(m["k"])
}
