package main

import (
	"sync"
)

type T struct {
	a int
	m map[string]int
}

func (t T) Val() int   { return t.a }
func (t *T) Ptr() int  { return t.a }
func two() (int, bool) { return 1, true }

func e1() {
	var mu sync.Mutex
	mu.Lock(1)
}
func e2() {
	var wg sync.WaitGroup
	wg.Add()
}
func e3() {
	var t T
	t.Val(1)
}
func e4() {
	x, y := two(), 1
	_, _ = x, y
}
func e5() {
	var s []int
	s[1.5] = 1
}
func e6() {
	ch := make(chan int)
	ch <- "a"
}
func e7() {
	var m map[string]int
	delete(m, 1)
}
func e8() {
	var p *T
	p.a = "x"
}
func e9() {
	s := "abc"
	s[0] = 'x'
}
func e10() {
	const c = 10
	c++
}

func main() {}
