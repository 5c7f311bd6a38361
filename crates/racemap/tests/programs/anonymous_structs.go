package main

import (
	"fmt"
	"sync"
)

type Point struct{ X, Y int }

func main() {
	p := struct{ a int }{1}
	fmt.Println(p, p.a)
	q := struct {
		name string
		n    int
	}{name: "x", n: 2}
	q.n++
	fmt.Printf("%v %+v\n", q, q)
	seen := map[string]struct{}{}
	seen["a"] = struct{}{}
	_, ok := seen["a"]
	fmt.Println(len(seen), ok)
	done := make(chan struct{})
	go func() { done <- struct{}{} }()
	<-done
	var wg sync.WaitGroup
	var mu sync.Mutex
	cfg := struct {
		sync.Mutex
		count int
	}{}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cfg.Lock()
			cfg.count++
			cfg.Unlock()
			mu.Lock()
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println(cfg.count)
	tests := []struct {
		in   string
		want int
	}{{"a", 1}, {"bb", 2}}
	for _, tc := range tests {
		fmt.Println(tc.in, len(tc.in) == tc.want)
	}
	var anon struct{ x, y int }
	anon = struct{ x, y int }{3, 4}
	fmt.Println(anon == struct{ x, y int }{3, 4}, Point(struct{ X, Y int }{5, 6}))
	fmt.Printf("%T\n", anon)
	ptr := &struct{ v int }{7}
	ptr.v++
	fmt.Println(ptr.v)
}
