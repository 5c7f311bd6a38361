package main

import (
	"fmt"
	"strconv"
)

type Shape struct {
	Name string
	W, H int
}

func (s Shape) Area() int { return s.W * s.H }

func (s *Shape) Grow(d int) {
	s.W += d
	s.H += d
}

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func describe(v any) string {
	switch x := v.(type) {
	case int:
		return "int " + strconv.Itoa(x)
	case string:
		return "string " + x
	case Shape:
		return "shape " + x.Name
	case nil:
		return "nil"
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func main() {
	s := Shape{Name: "sq", W: 2, H: 3}
	t := s
	s.Grow(1)
	fmt.Println(s.Area(), t.Area())
	p := &s
	p.Grow(1)
	fmt.Println(p.Area(), s.W)
	area := s.Area
	s.W = 100
	fmt.Println(area())
	fmt.Println(Blue, Green+Red)
	fmt.Println(describe(3), describe("x"), describe(s), describe(nil), describe(2.5))
	var i interface{} = 42
	if n, ok := i.(int); ok {
		fmt.Println("is int", n)
	}
	_, ok := i.(string)
	fmt.Println(ok)
	fmt.Printf("%v %+v %T %d %s %q\n", t, t, t, 7, "hi", "q")
}
