package main

import (
	"fmt"
	"math/rand"
	"sync"
)

// rand.Uint32, rand.Uint64 and rand.Float32 (global and *rand.Rand): racemap's numbers differ
// from Go's (rt/rand.rs), so only their ranges and determinism are printed.

func main() {
	f := rand.Float32()
	fmt.Println(f >= 0 && f < 1, rand.Uint32() <= 1<<32-1, rand.Uint64() >= 0)
	r1 := rand.New(rand.NewSource(3))
	r2 := rand.New(rand.NewSource(3))
	fmt.Println(r1.Uint32() == r2.Uint32(), r1.Uint64() == r2.Uint64(), r1.Float32() == r2.Float32())
	var mu sync.Mutex
	var wg sync.WaitGroup
	seen := map[bool]int{}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := rand.Float32()
			mu.Lock()
			seen[v < 1]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(seen)
	fmt.Printf("%T %T %T\n", rand.Uint32(), rand.Uint64(), rand.Float32())
}
