package main

import (
	"fmt"
	"sync"
)

// ParallelMap applies f to each element on its own goroutine; the results land in their own
// slots, but the progress counter is shared without a lock.
func ParallelMap[T, U any](xs []T, f func(T) U) ([]U, int) {
	out := make([]U, len(xs))
	done := 0
	var wg sync.WaitGroup
	for i, x := range xs {
		wg.Add(1)
		go func(i int, x T) {
			defer wg.Done()
			out[i] = f(x)
			done++
		}(i, x)
	}
	wg.Wait()
	return out, done
}

func main() {
	out, done := ParallelMap([]int{1, 2}, func(x int) string { return fmt.Sprint(x * x) })
	fmt.Println(out, done)
}
