package main

import (
	"fmt"
	"io"
	"sync"
)

// counter is a program writer that counts bytes without a lock.
type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

func main() {
	var w io.Writer = &counter{}
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 5; j++ {
				fmt.Fprintf(w, "goroutine %d\n", i)
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(w.(*counter).n)
}
