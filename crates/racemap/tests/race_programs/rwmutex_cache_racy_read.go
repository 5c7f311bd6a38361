package main

import (
	"fmt"
	"sync"
)

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
}

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	c.data[k] = v
	c.mu.Unlock()
}

// Len forgets the lock.
func (c *Cache) Len() int {
	return len(c.data)
}

func main() {
	c := &Cache{data: map[string]int{}}
	done := make(chan bool)
	go func() {
		c.Set("a", 1)
		done <- true
	}()
	n := c.Len()
	<-done
	fmt.Println(n >= 0)
}
