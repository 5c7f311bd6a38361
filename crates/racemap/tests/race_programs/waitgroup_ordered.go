package main

import (
	"fmt"
	"sync"
)

var x int

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			if v == 1 {
				x = v
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(x)
}
