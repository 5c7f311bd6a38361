package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	Name() string
}

type Rect struct{ w, h float64 }

func (r Rect) Area() float64      { return r.w * r.h }
func (r Rect) Perimeter() float64 { return 2 * (r.w + r.h) }
func (r Rect) Name() string       { return "rect" }

type Circle struct{ r float64 }

func (c *Circle) Area() float64      { return 3 * c.r * c.r }
func (c *Circle) Perimeter() float64 { return 6 * c.r }
func (c *Circle) String() string     { return fmt.Sprintf("Circle(%v)", c.r) }

type NotFound struct{ key string }

func (e *NotFound) Error() string { return "not found: " + e.key }

type Temp int

func (t Temp) String() string { return fmt.Sprintf("%d°C", int(t)) }

type Base struct{ id int }

func (b Base) ID() int       { return b.id }
func (b *Base) SetID(id int) { b.id = id }

type Derived struct {
	Base
	name string
}

type IDer interface {
	ID() int
	SetID(int)
}

type Logger interface{ Log(string) }

type Service struct {
	Logger
	n int
}

type printLogger struct{ prefix string }

func (p printLogger) Log(s string) { fmt.Println(p.prefix + s) }

func lookup(k string) error {
	if k == "a" {
		return nil
	}
	return &NotFound{k}
}

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case Named:
		return "named " + v.Name()
	case Shape:
		return fmt.Sprintf("shape %.1f", v.Area())
	case error:
		return "error " + v.Error()
	case fmt.Stringer:
		return "stringer " + v.String()
	default:
		return fmt.Sprintf("other %v", v)
	}
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
		fmt.Println(s.Area(), s.Perimeter())
	}
	fmt.Println(total)
	var n Named = Rect{1, 1}
	var s Shape = n
	fmt.Println(s.Area(), n.Name())
	if r, ok := s.(Rect); ok {
		fmt.Println("rect", r.w)
	}
	if _, ok := s.(*Circle); !ok {
		fmt.Println("not a circle")
	}
	if nn, ok := s.(Named); ok {
		fmt.Println("named", nn.Name())
	}
	fmt.Println(describe(Rect{1, 2}), describe(&Circle{2}), describe(nil), describe(Temp(3)), describe(lookup("b")), describe(5))
	err := lookup("x")
	fmt.Println(err)
	fmt.Println(err.Error())
	wrapped := fmt.Errorf("lookup: %w", err)
	fmt.Println(wrapped, errors.Is(wrapped, err), errors.Unwrap(wrapped) == err)
	if nf, ok := err.(*NotFound); ok {
		fmt.Println("as", nf.key)
	}
	fmt.Println(lookup("a") == nil, err != nil)
	fmt.Printf("%v %s %d\n", Temp(21), Temp(5), Temp(7))
	fmt.Println(&Circle{2}, Temp(1))
	d := &Derived{Base{1}, "d"}
	var i IDer = d
	i.SetID(42)
	fmt.Println(i.ID(), d.id, d.ID())
	svc := Service{Logger: printLogger{"> "}}
	svc.Log("hello")
	var l Logger = svc
	l.Log("via iface")
	f := s.Area
	g := i.ID
	fmt.Println(f(), g())
	var s1, s2 Shape = Rect{1, 2}, Rect{1, 2}
	fmt.Println(s1 == s2, s1 == Shape(Rect{2, 1}), s1 != nil)
	c := &Circle{3}
	var s3 Shape = c
	fmt.Println(s3 == c)
	e1 := errors.New("x")
	var e2 error = e1
	fmt.Println(e1 == e2)
	defer fmt.Println("deferred")
	defer l.Log("deferred log")
	var nilShape Shape
	fmt.Println(nilShape == nil)
	fmt.Println(nilShape.Area())
}
