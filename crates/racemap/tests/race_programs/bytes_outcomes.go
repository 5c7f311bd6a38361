package main

import (
	"fmt"
	"sync"
)

// Two goroutines append one invalid UTF-8 byte each under a mutex: the program prints
// "\xff\xfe" or "\xfe\xff", two outputs that differ only in invalid bytes.
func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var b []byte
	for _, c := range []byte{0xff, 0xfe} {
		wg.Add(1)
		go func(c byte) {
			defer wg.Done()
			mu.Lock()
			b = append(b, c)
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	fmt.Print(string(b))
}
