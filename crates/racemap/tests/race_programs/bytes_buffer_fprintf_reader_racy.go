package main

import (
	"bytes"
	"fmt"
	"sync"
)

func main() {
	var out bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 0; i < 3; i++ {
			fmt.Fprintf(&out, "line %d\n", i)
		}
	}()
	go func() {
		defer wg.Done()
		_ = out.String()
		_ = out.Len()
	}()
	wg.Wait()
	fmt.Print(out.String())
}
