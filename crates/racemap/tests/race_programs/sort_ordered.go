package main

import (
	"fmt"
	"sort"
	"sync"
)

type byScore []int

func (b byScore) Len() int           { return len(b) }
func (b byScore) Less(i, j int) bool { return b[i] > b[j] }
func (b byScore) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	scores := []int{3, 1, 2}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sort.Sort(byScore(scores))
	}()
	wg.Wait() // the sort happens before the reads
	fmt.Println(scores[2])
	fmt.Println(scores)
}
