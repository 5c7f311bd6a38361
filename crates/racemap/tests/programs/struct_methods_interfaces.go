package main

import (
	"fmt"
	"math"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64        { return r.W * r.H }
func (r Rect) Perimeter() float64   { return 2 * (r.W + r.H) }
func (c Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c Circle) String() string     { return fmt.Sprintf("Circle(%.1f)", c.R) }

type Named struct {
	Shape
	Name string
}

func describe(s Shape) string {
	switch v := s.(type) {
	case Rect:
		return fmt.Sprintf("rect %vx%v", v.W, v.H)
	case fmt.Stringer:
		return "stringer " + v.String()
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	shapes := []Shape{Rect{3, 4}, Circle{1}, &Rect{1, 1}, Named{Circle{2}, "big"}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		fmt.Printf("%-22s %8.3f %v\n", describe(s), s.Perimeter(), s)
	}
	fmt.Printf("%.4f\n", total)
	fmt.Printf("%v %+v\n", shapes[3], shapes[3])
	var s Shape
	fmt.Println(s == nil, strings.ToUpper(fmt.Sprint(s)))
	var rp *Rect
	s = rp
	fmt.Println(s == nil, s != nil)
}
