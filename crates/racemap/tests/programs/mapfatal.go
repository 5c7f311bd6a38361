package main

import (
	"fmt"
	"sync"
)

func main() {
	m := map[string]int{"x": 0}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		m["a"] = 1
	}()
	go func() {
		defer wg.Done()
		_ = m["x"]
		for k := range m {
			_ = k
		}
		m["b"] = 2
	}()
	wg.Wait()
	fmt.Println(len(m))
}
