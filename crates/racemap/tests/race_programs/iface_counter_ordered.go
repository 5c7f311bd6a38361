package main

import (
	"fmt"
	"sync"
)

type Counter interface {
	Inc()
	Value() int
}

type lockedCounter struct {
	mu sync.Mutex
	n  int
}

func (c *lockedCounter) Inc() {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
}

func (c *lockedCounter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func main() {
	var c Counter = &lockedCounter{}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Inc()
	}()
	c.Inc()
	wg.Wait()
	fmt.Println(c.Value())
}
