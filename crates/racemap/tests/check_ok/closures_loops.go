package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func sum(nums ...int) (total int) {
	for _, n := range nums {
		total += n
	}
	return
}

func main() {
	next := counter()
	next()
	fmt.Println(next())
	var wg sync.WaitGroup
	var hits int64
	var flag atomic.Bool
	var total atomic.Int64
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			atomic.AddInt64(&hits, int64(i))
			total.Add(1)
			flag.Store(true)
			time.Sleep(time.Millisecond)
		}()
	}
	wg.Wait()
	fmt.Println(atomic.LoadInt64(&hits), total.Load(), flag.Load())
	double := func(x int) int { return x * 2 }
	fmt.Println(apply([]int{1, 2, 3}, double), sum(1, 2, 3), sum([]int{4, 5}...))
	var once sync.Once
	for j := 0; j < 2; j++ {
		once.Do(func() { fmt.Println("once") })
	}
}
