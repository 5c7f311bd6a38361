package main

import (
	"fmt"
	"math/rand"
	"sync"
)

func main() {
	r := rand.New(rand.NewSource(1)) // BUG: a *rand.Rand is not safe for concurrent use
	var wg sync.WaitGroup
	sum := make([]int, 2)
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			sum[g] = r.Intn(10)
		}(g)
	}
	wg.Wait()
	fmt.Println(sum[0] >= 0 && sum[1] >= 0)
}
