package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Stats struct {
	sync.Mutex
	counts map[string]int
	ops    atomic.Int64
}

func (s *Stats) Inc(k string) {
	s.Lock()
	defer s.Unlock()
	s.counts[k]++
	s.ops.Add(1)
}

type Job struct {
	ID   int
	Data []string
}

func producer(out chan<- Job, n int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < n; i++ {
		out <- Job{ID: i, Data: []string{fmt.Sprint(i)}}
	}
}

func main() {
	s := &Stats{counts: make(map[string]int)}
	jobs := make(chan Job, 4)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go producer(jobs, 3, &wg)
	go producer(jobs, 3, &wg)
	go func() {
		wg.Wait()
		close(jobs)
	}()
	var last Job
	var ok bool
	received := 0
	for received >= 0 {
		select {
		case last, ok = <-jobs:
			if !ok {
				received = -1
				break
			}
			s.Inc(last.Data[0])
			received++
		case quit <- struct{}{}:
		}
	}
	var n int32
	atomic.AddInt32(&n, 2)
	if atomic.CompareAndSwapInt32(&n, 2, 3) {
		fmt.Println("swapped", atomic.LoadInt32(&n))
	}
	keys := make([]string, 0, len(s.counts))
	for k := range s.counts {
		keys = append(keys, k)
	}
	fmt.Println(len(keys), s.ops.Load(), last.ID)
	var grid [2][3]int
	grid[1][2] = 5
	matrix := [][]int{{1, 2}, {3}}
	fmt.Println(grid, matrix, len(matrix[0]))
	type kv struct {
		k string
		v int
	}
	pairs := []kv{{"a", 1}, {k: "b", v: 2}}
	byKey := map[string]*kv{}
	for i := range pairs {
		byKey[pairs[i].k] = &pairs[i]
	}
	byKey["a"].v = 10
	fmt.Println(pairs[0].v, *byKey["b"])
}
