package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	go func() {
		wg.Add(1)
		time.Sleep(20 * time.Millisecond)
		wg.Done()
	}()
	time.Sleep(10 * time.Millisecond)
	wg.Wait()
	fmt.Println("done")
}
