package main

import (
	"fmt"
	"sync"
)

type SafeMap struct {
	sync.RWMutex
	m map[string]int
}

type Counter struct {
	mu sync.Mutex
	n  int
}

func main() {
	c := Counter{n: 5}
	fmt.Printf("%v %+v\n", c, c)
	var wg sync.WaitGroup
	fmt.Printf("%v\n", wg)
	s := SafeMap{m: map[string]int{"a": 1}}
	fmt.Printf("%v\n", s)
	var once sync.Once
	fmt.Printf("%+v\n", once)
	c.mu.Lock()
	fmt.Printf("%v\n", c)
	c.mu.Unlock()
}
