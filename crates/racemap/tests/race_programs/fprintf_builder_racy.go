package main

import (
	"fmt"
	"strings"
	"sync"
)

// Two goroutines write to one strings.Builder through fmt.Fprintf without a lock: Builder's
// Write reads and writes its buffer (and its copy-check address) as plain memory.
func main() {
	var b strings.Builder
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Fprintf(&b, "g%d;", 1)
	}()
	fmt.Fprintf(&b, "m%d;", 2)
	wg.Wait()
	fmt.Println(b.Len())
}
