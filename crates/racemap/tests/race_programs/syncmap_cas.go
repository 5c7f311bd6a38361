package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("k", 0)
	m.Store("s", 0)
	var wg sync.WaitGroup
	wins := make(chan int, 2)
	prevs := make(chan int, 2)
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if m.CompareAndSwap("k", 0, id) {
				wins <- id
			}
			prev, _ := m.Swap("s", id)
			prevs <- prev.(int)
		}(i)
	}
	wg.Wait()
	close(wins)
	close(prevs)
	n, sum := 0, 0
	for range wins {
		n++
	}
	for p := range prevs {
		sum += p
	}
	last, _ := m.Load("s")
	fmt.Println(n, sum+last.(int))
}
