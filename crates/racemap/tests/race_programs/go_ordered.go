package main

import (
	"fmt"
	"sync"
)

var x int

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	x = 1
	go func() {
		fmt.Println(x)
		wg.Done()
	}()
	wg.Wait()
}
