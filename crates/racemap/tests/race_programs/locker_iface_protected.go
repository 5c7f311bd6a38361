package main

import (
	"fmt"
	"sync"
	"time"
)

type counter struct {
	l sync.Locker
	m map[string]int
}

func (c *counter) inc(k string) {
	c.l.Lock()
	defer c.l.Unlock()
	c.m[k]++
}

func main() {
	var mu sync.Mutex
	c := &counter{l: &mu, m: map[string]int{}}
	go c.inc("a")
	c.inc("a")
	time.Sleep(10 * time.Millisecond)
	c.l.Lock()
	fmt.Println(c.m["a"])
	c.l.Unlock()
}
