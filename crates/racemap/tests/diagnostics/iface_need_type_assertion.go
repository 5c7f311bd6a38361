package main

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Circle struct{ r float64 }

func (c *Circle) Area() float64      { return 3 * c.r * c.r }
func (c *Circle) Perimeter() float64 { return 6 * c.r }

type Square struct{ s float64 }

func (q Square) Area() int          { return int(q.s * q.s) }
func (q Square) Perimeter() float64 { return 4 * q.s }

func main() {
	var s Shape = &Circle{1}
	var c *Circle = s
	_ = c
}
