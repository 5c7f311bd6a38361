package main

import (
	"fmt"
	"sync"
)

type guarded struct {
	sync.RWMutex
	n int
}

func main() {
	g := &guarded{}
	var l sync.Locker = g
	l.Lock()
	g.n++
	l.Unlock()
	fmt.Println(g.n)
	l.Unlock()
}
