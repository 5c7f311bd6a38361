package main

import (
	"bytes"
	"fmt"
	"sync"
)

func main() {
	var buf bytes.Buffer
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			buf.WriteString("x")
		}(i)
	}
	wg.Wait()
	fmt.Println(buf.Len(), buf.String())
}
