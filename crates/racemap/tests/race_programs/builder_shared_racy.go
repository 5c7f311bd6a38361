package main

import (
	"fmt"
	"strings"
	"sync"
)

func main() {
	var log strings.Builder // BUG: a Builder is not safe for concurrent use
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			log.WriteString("x")
		}()
	}
	wg.Wait()
	fmt.Println(log.Len() > 0)
}
