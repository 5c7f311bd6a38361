package main

import (
	"fmt"
	"sync"
)

type Result[T any] struct {
	ID  int
	Val T
}

type Pool[T, R any] struct {
	mu      sync.Mutex
	results map[int]R
	work    func(T) R
}

func NewPool[T, R any](work func(T) R) *Pool[T, R] {
	return &Pool[T, R]{results: make(map[int]R), work: work}
}

func (p *Pool[T, R]) Run(jobs []T, workers int) map[int]R {
	ch := make(chan Result[T])
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ch {
				r := p.work(j.Val)
				p.mu.Lock()
				p.results[j.ID] = r
				p.mu.Unlock()
			}
		}()
	}
	for i, j := range jobs {
		ch <- Result[T]{ID: i, Val: j}
	}
	close(ch)
	wg.Wait()
	return p.results
}

func main() {
	p := NewPool(func(s string) int { return len(s) })
	res := p.Run([]string{"a", "bb", "ccc"}, 2)
	fmt.Println(res)
	fmt.Printf("%T\n", p)
}
