// racemap: --seed 15
package ex

import (
	"fmt"
	"sync"
)

// ExampleUnorderedGoroutines passes in every interleaving.
func ExampleUnorderedGoroutines() {
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			fmt.Println(s)
		}(s)
	}
	wg.Wait()
	// Unordered output:
	// b
	// a
}

// ExampleOrderedGoroutines fails in the interleavings where b prints first.
func ExampleOrderedGoroutines() {
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			fmt.Println(s)
		}(s)
	}
	wg.Wait()
	// Output:
	// a
	// b
}
