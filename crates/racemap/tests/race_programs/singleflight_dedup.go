package main

import (
	"fmt"
	"sync"
)

type call struct {
	wg  sync.WaitGroup
	val string
}

type Group struct {
	mu sync.Mutex
	m  map[string]*call
}

func (g *Group) Do(key string, fn func() string) (string, bool) {
	g.mu.Lock()
	if g.m == nil {
		g.m = make(map[string]*call)
	}
	if c, ok := g.m[key]; ok {
		g.mu.Unlock()
		c.wg.Wait()
		return c.val, true
	}
	c := new(call)
	c.wg.Add(1)
	g.m[key] = c
	g.mu.Unlock()
	c.val = fn()
	c.wg.Done()
	g.mu.Lock()
	delete(g.m, key)
	g.mu.Unlock()
	return c.val, false
}

func main() {
	var g Group
	var wg sync.WaitGroup
	var mu sync.Mutex
	calls := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, _ := g.Do("k", func() string {
				mu.Lock()
				calls++
				mu.Unlock()
				return "value"
			})
			if v != "value" {
				panic(v)
			}
		}()
	}
	wg.Wait()
	fmt.Println(calls >= 1, calls <= 3)
}
