package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var hits int64
	var plain int
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 2; j++ {
				atomic.AddInt64(&hits, 1)
				plain++
			}
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&hits))
	_ = plain
}
