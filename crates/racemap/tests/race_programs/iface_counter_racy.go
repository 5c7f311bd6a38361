package main

import (
	"fmt"
	"sync"
)

type Counter interface {
	Inc()
	Value() int
}

type plainCounter struct{ n int }

func (c *plainCounter) Inc()       { c.n++ }
func (c *plainCounter) Value() int { return c.n }

func main() {
	var c Counter = &plainCounter{}
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
