package main

import (
	"fmt"
	"sync/atomic"
)

type Stats struct {
	name string
	hits atomic.Uint32
}

func main() {
	var n atomic.Int64
	var ready atomic.Bool
	var s Stats
	done := make(chan bool)
	go func() {
		n.Add(1)
		ready.Store(true)
		s.hits.Store(5)
		done <- true
	}()
	c := n
	r := ready
	t := s
	fmt.Println(c.Load() >= 0, r.Load() || true, t.name == "")
	<-done
	fmt.Println(n.Load(), ready.Load(), s.hits.Load())
}
