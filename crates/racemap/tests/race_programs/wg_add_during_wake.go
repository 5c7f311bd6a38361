package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Done()
	}()
	go func() {
		wg.Add(1)
		wg.Done()
	}()
	wg.Wait()
	fmt.Println("done")
}
