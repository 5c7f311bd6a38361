package main

import (
	"fmt"
	"math/rand"
	"sync"
)

func main() {
	r := rand.New(rand.NewSource(1))
	var mu sync.Mutex // guards r: a *rand.Rand is not safe for concurrent use
	var wg sync.WaitGroup
	sum := make([]int, 2)
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			mu.Lock()
			sum[g] = r.Intn(10)
			mu.Unlock()
		}(g)
	}
	wg.Wait()
	fmt.Println(sum[0] >= 0 && sum[1] >= 0)
}
