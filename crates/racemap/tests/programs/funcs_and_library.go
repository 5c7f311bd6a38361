package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Rect struct{ W, H int }

func (r Rect) Area() int { return r.W * r.H }

type Sq struct{ S int }

func (s *Sq) Area() int { return s.S * s.S }

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func describe(vals ...any) string {
	parts := []string{}
	for _, v := range vals {
		switch x := v.(type) {
		case *Sq, Rect:
			parts = append(parts, fmt.Sprintf("shape(%v)", x))
		case int, int64:
			parts = append(parts, "int")
		default:
			parts = append(parts, fmt.Sprintf("%T", x))
		}
	}
	return strings.Join(parts, ", ")
}

func main() {
	fmt.Println(fib(15))
	var s any = Rect{1, 1}
	if r, ok := s.(Rect); ok {
		fmt.Println("rect", r.W, r.Area())
	}
	mk := func(base int) func(int) func() int {
		return func(x int) func() int {
			return func() int { base++; return base + x }
		}
	}
	f := mk(10)(5)
	f()
	fmt.Println(f())
	_, err := strconv.Atoi("12x")
	fmt.Println(err != nil)
	n, err := strconv.Atoi("12")
	fmt.Println(n, err)
	fmt.Println(describe(Rect{2, 3}, 4, "s", int64(5), 2.5))
	fmt.Println(strings.ToUpper("abc"), strings.Repeat("-", 3), strings.Split("a,b", ","), strings.Contains("hello", "ell"))
	sq := &Sq{3}
	area := sq.Area
	sq.S = 4
	fmt.Println(area(), (&Sq{2}).Area())
	e := fmt.Errorf("bad %d", 7)
	fmt.Println(e, e.Error())
}
