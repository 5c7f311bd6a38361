package main

import (
	"fmt"
	"sync"
)

type Barrier struct {
	mu      sync.Mutex
	n, seen int
	gate    chan struct{}
}

func NewBarrier(n int) *Barrier { return &Barrier{n: n, gate: make(chan struct{})} }

func (b *Barrier) Wait() {
	b.mu.Lock()
	b.seen++
	if b.seen == b.n {
		close(b.gate)
		b.mu.Unlock()
		return
	}
	gate := b.gate
	b.mu.Unlock()
	<-gate
}

func main() {
	const n = 3
	b := NewBarrier(n)
	phase1 := make([]bool, n)
	ok := make([]bool, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			phase1[i] = true
			b.Wait()
			all := true
			for _, p := range phase1 {
				all = all && p
			}
			ok[i] = all
		}(i)
	}
	wg.Wait()
	fmt.Println(ok)
}
