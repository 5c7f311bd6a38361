package main

import (
	"fmt"
	"sync"
)

type Base struct{ n int }

func (b *Base) Inc()      { b.n++ }
func (b Base) Get() int   { return b.n }
func (b *Base) Set(n int) { b.n = n }

type Getter interface{ Get() int }
type Incer interface {
	Inc()
	Get() int
}

type Wrapped struct {
	*Base
	name string
}

type Locked struct {
	*sync.Mutex
	m map[string]int
}

func main() {
	w := Wrapped{&Base{1}, "w"}
	w.Inc()
	w.n += 10
	fmt.Println(w.Get(), w.n, w.Base.n)
	var g Getter = w
	var i Incer = w
	i.Inc()
	fmt.Println(g.Get(), i.Get())
	var pi Incer = &w
	pi.Inc()
	fmt.Println(w.Get())
	l := Locked{&sync.Mutex{}, map[string]int{}}
	l.Lock()
	l.m["a"]++
	l.Unlock()
	var lk sync.Locker = l
	lk.Lock()
	lk.Unlock()
	fmt.Println(l.m)
	f := w.Set
	f(99)
	fmt.Println(w.n)
	var nw Wrapped
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(nw.n)
}
