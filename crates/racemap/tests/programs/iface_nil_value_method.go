package main

import "fmt"

type Counter interface {
	Get() int
}

type Box struct{ n int }

func (b Box) Get() int { return b.n }

type Ptr struct{ n int }

func (p *Ptr) Get() int {
	if p == nil {
		return -1
	}
	return p.n
}

func main() {
	var np *Ptr
	var c Counter = np
	fmt.Println(c.Get(), c != nil)
	var nb *Box
	c = nb
	fmt.Println("calling")
	fmt.Println(c.Get())
}
