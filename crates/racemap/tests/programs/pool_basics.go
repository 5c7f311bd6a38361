package main

import (
	"fmt"
	"strings"
	"sync"
)

type buf struct{ data []string }

func main() {
	made := 0
	p := &sync.Pool{New: func() any {
		made++
		return &buf{}
	}}
	a := p.Get().(*buf)
	a.data = append(a.data, "a")
	p.Put(a)
	b := p.Get().(*buf)
	fmt.Println(a == b, made, strings.Join(b.data, ","))
	c := p.Get().(*buf)
	fmt.Println(c == a, made, len(c.data))

	var empty sync.Pool
	fmt.Println(empty.Get() == nil)
	empty.Put(nil)
	empty.Put("x")
	fmt.Println(empty.Get())

	get := p.Get
	put := p.Put
	put(c)
	d := get().(*buf)
	fmt.Println(d == c, made)
	func() {
		defer p.Put(d)
	}()
	fmt.Println(p.Get().(*buf) == d, made)
}
