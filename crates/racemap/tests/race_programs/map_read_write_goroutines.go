package main

import (
	"fmt"
	"sync"
)

func main() {
	cache := map[string]int{"a": 1}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			cache["b"] = i
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			_ = cache["a"]
		}
	}()
	wg.Wait()
	fmt.Println(len(cache))
}
