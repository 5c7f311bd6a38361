package main

import (
	"fmt"
	"sync"
)

type Pair[K comparable, V any] struct {
	k K
	v V
}

func (p Pair[K, V]) Get() V { return p.v }

// Run counts in a closure its goroutines share without a lock.
func Run[T any](x T) {
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n++
		}()
	}
	wg.Wait()
	fmt.Println(n, x)
}

func main() {
	p := Pair[string, int]{"a", 1}
	fmt.Printf("%T %v %+v\n", p, p.Get(), Pair[int, *int]{})
	Run(p.k)
}
