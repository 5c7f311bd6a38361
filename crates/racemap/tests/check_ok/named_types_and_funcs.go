package main

import (
	"fmt"
	"strings"
)

type IntList []int

func (l IntList) Sum() (s int) {
	for _, v := range l {
		s += v
	}
	return
}

type Counts map[string]int

func (c Counts) Add(k string) { c[k]++ }

type Op struct {
	name string
	fn   func(int, int) int
}

type ByteSize int64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
)

const greeting = "hello"

var (
	base    = offset + 1
	offset  = 10
	visited = map[string]bool{}
)

func adder(n int) func(int) int {
	return func(x int) int { return x + n }
}

func divmod(a, b int) (int, int) { return a / b, a % b }

func pair() (string, int) { return "p", 1 }

func show(s string, n int) string { return fmt.Sprint(s, n) }

func main() {
	l := IntList{1, 2, 3}
	c := Counts{}
	c.Add("x")
	ops := []Op{{"add", func(a, b int) int { return a + b }}, {name: "mul", fn: func(a, b int) int { return a * b }}}
	for _, op := range ops {
		fmt.Println(op.name, op.fn(3, 4))
	}
	add5 := adder(5)
	fmt.Println(l.Sum(), c, add5(1), KB, MB, len(greeting), base, visited["x"])
	fmt.Println(divmod(7, 2))
	fmt.Println(show(pair()))
	xs := []any{1, "a", nil}
	fmt.Println(xs...)
	chs := make(chan chan int, 1)
	inner := make(chan int, 1)
	chs <- inner
	inner <- 4
	fmt.Println(<-<-chs)
	var nilMap map[string]int
	fmt.Println(nilMap["k"], len(nilMap))
	for i := range greeting {
		_ = i
	}
	done := make(chan bool)
	go func() {
		defer close(done)
	}()
	for range done {
	}
	for range 2 {
	}
	switch n := len(l); {
	case n > 2:
		fmt.Println(strings.Contains("abc", "b"))
	}
	type pt struct{ x, y int }
	a := [2]pt{{1, 2}, {3, 4}}
	b := a
	fmt.Println(a == b, a[1].y)
	var e error
	fmt.Println(e == nil)
	var p *pt
	if p != nil && p.x > 0 {
		fmt.Println("never")
	}
	f := 2.5
	i := int(f)
	u := uint(i) + 1
	r := rune('a' + 1)
	fmt.Println(i, u, string(r), float32(i)/2)
}
