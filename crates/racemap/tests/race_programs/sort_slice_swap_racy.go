package main

import (
	"fmt"
	"sort"
	"sync"
)

type rec struct {
	k  int
	id int
}

func main() {
	xs := make([]rec, 5)
	for i := range xs {
		xs[i] = rec{5 - i, i}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range xs {
			xs[i].id = 9
		}
	}()
	sort.Slice(xs, func(i, j int) bool { return xs[i].k < xs[j].k })
	wg.Wait()
	fmt.Println(len(xs))
}
