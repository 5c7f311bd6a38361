package main

import (
	"fmt"
	"sort"
	"sync"
)

// A goroutine writes an element of a slice main sorts through sort.Reverse(sort.IntSlice(…)):
// IntSlice's Less and Swap (called through reverse's Less) read and write the elements.
func main() {
	shared := []int{3, 1, 2}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		shared[0] = 5
	}()
	sort.Sort(sort.Reverse(sort.IntSlice(shared)))
	wg.Wait()
	fmt.Println(len(shared))
}
