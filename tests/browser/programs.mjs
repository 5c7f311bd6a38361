// Go programs shared by the browser tests and the browser benchmark.

/** Two goroutines, 400 locked map increments each: a trace of a few thousand steps. */
export const LONG_TRACE = `package main

import "sync"

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	m := map[int]int{}
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 400; i++ {
				mu.Lock()
				m[i%4]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}
`;
