package main

import (
	"fmt"
	"sync"
)

type Acc struct {
	mu    sync.Mutex
	total int
}

func (a *Acc) Add(n int) {
	a.mu.Lock()
	a.total += n
	a.mu.Unlock()
}

func main() {
	a := &Acc{}
	add := a.Add
	var wg sync.WaitGroup
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			add(n)
		}(i)
	}
	wg.Wait()
	fmt.Println(a.total)
	f := fmt.Sprintf
	fmt.Println(f("%T", add))
}
