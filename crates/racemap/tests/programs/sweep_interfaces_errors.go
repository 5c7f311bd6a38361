package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Named interface {
	Shape
	Name() string
}

type Rect struct{ W, H float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }
func (r Rect) Name() string       { return "rect" }

type Circle struct{ R float64 }

func (c *Circle) Area() float64      { return 3 * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 6 * c.R }
func (c *Circle) Name() string       { return "circle" }
func (c *Circle) String() string     { return fmt.Sprintf("Circle(%g)", c.R) }

type NotFound struct{ Key string }

func (e *NotFound) Error() string { return "not found: " + e.Key }

var ErrBase = errors.New("base")

func find(k string) error {
	if k == "x" {
		return fmt.Errorf("wrap: %w", &NotFound{k})
	}
	return fmt.Errorf("ctx %s: %w", k, ErrBase)
}

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("int-ish %v", x)
	case string:
		return "string " + strconv.Quote(x)
	case fmt.Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	case []int:
		return fmt.Sprint("slice ", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	shapes := []Named{Rect{2, 3}, &Circle{1}}
	for _, s := range shapes {
		fmt.Printf("%s %.2f %.2f %v %+v %T\n", s.Name(), s.Area(), s.Perimeter(), s, s, s)
	}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	fmt.Println(shapes[0].Name())
	err := find("x")
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.Key, errors.Is(err, ErrBase))
	err = find("y")
	fmt.Println(errors.Is(err, ErrBase), err, errors.Unwrap(err) == ErrBase)
	for _, v := range []interface{}{nil, 1, int64(2), "q\"", &Circle{2}, errors.New("e"), []int{1, 2}, 3.5, Rect{}} {
		fmt.Println(describe(v))
	}
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	fmt.Println(m, len(m))
	fmt.Printf("%v %d %+v %#v\n", m, m, m, m)
	keys := make([]string, 0)
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(strings.Join(keys, ","), strings.Repeat("-", 3), strings.Fields(" a b  c "))
	var p *Rect
	fmt.Println(p == nil, p)
	fmt.Printf("%v %+v %#v\n", Rect{1, 2}, Rect{1, 2}, Rect{1, 2})
	fmt.Printf("%v %s\n", &Rect{1, 2}, errors.New("boom"))
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	f, _ := strconv.ParseFloat("1e3", 64)
	fmt.Println(f, strconv.FormatInt(-255, 16), strconv.Itoa(7)+"!")
	var e error
	fmt.Printf("%v %d%%\n", e, 50)
}
