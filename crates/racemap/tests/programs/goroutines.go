package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type SafeMap struct {
	mu sync.Mutex
	m  map[string]int
}

func (s *SafeMap) Inc(k string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[k]++
}

func producer(ch chan<- int, n int) {
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
}

func main() {
	sm := SafeMap{m: map[string]int{}}
	var wg sync.WaitGroup
	var ops int64
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			sm.Inc("k")
			atomic.AddInt64(&ops, 2)
		}(i)
	}
	wg.Wait()
	fmt.Println(sm.m["k"], atomic.LoadInt64(&ops))

	ch := make(chan int, 2)
	go producer(ch, 5)
	total := 0
	for v := range ch {
		total += v
	}
	fmt.Println(total)

	done := make(chan struct{})
	res := make(chan string, 1)
	go func() {
		time.Sleep(10 * time.Millisecond)
		res <- "slow"
		close(done)
	}()
	select {
	case r := <-res:
		fmt.Println(r)
	case <-done:
		fmt.Println("done first")
	}
	<-done
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once") })
	}
	v, ok := <-done
	fmt.Println(v, ok)
}
