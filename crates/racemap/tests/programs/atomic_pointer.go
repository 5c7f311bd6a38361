package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Version int
}

type Server struct {
	cfg atomic.Pointer[Config]
}

func (s *Server) Reload(v int) {
	old := s.cfg.Load()
	s.cfg.Store(&Config{Name: old.Name, Version: v})
}

func main() {
	var s Server
	fmt.Println(s.cfg.Load() == nil)
	s.cfg.Store(&Config{Name: "prod", Version: 1})
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := s.cfg.Load()
			_ = c.Name
		}()
	}
	s.Reload(2)
	wg.Wait()
	fmt.Println(*s.cfg.Load())

	var p atomic.Pointer[int]
	a, b := 1, 2
	fmt.Println(p.CompareAndSwap(nil, &a), p.CompareAndSwap(nil, &b), *p.Load())
	old := p.Swap(&b)
	fmt.Println(*old, *p.Load(), old == &a)
	fmt.Println(p.CompareAndSwap(&a, nil), p.CompareAndSwap(&b, nil), p.Load())
	fmt.Printf("%T %T\n", &p, p.Load())

	// Publishing through the pointer synchronizes: a reader that sees the pointer sees the
	// writer's fields (no race in any interleaving).
	var ready atomic.Pointer[Config]
	var wg2 sync.WaitGroup
	wg2.Add(2)
	go func() {
		defer wg2.Done()
		c := &Config{Name: "late"}
		c.Version = 7
		ready.Store(c)
	}()
	seen := make(chan string, 1)
	go func() {
		defer wg2.Done()
		if c := ready.Load(); c != nil {
			seen <- fmt.Sprintf("%s %d", c.Name, c.Version)
		} else {
			seen <- "late 7"
		}
	}()
	wg2.Wait()
	fmt.Println(<-seen)
	ps := map[string]*atomic.Pointer[string]{"k": new(atomic.Pointer[string])}
	str := "v"
	ps["k"].Store(&str)
	fmt.Println(*ps["k"].Load())
}
