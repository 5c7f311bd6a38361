package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	var log strings.Builder
	var mu sync.Mutex // guards log: a Builder is not safe for concurrent use
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			log.WriteString("x")
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(log.Len() > 0)
}
