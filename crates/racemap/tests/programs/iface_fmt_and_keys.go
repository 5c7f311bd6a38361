package main

import (
	"errors"
	"fmt"
	"strings"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type PtrStringer struct{ n int }

func (p *PtrStringer) String() string { return fmt.Sprintf("P%d", p.n) }

type Reading struct {
	Where string
	Temp  Celsius
	temp  Celsius
}

type Key interface{ ID() string }

type userKey struct{ name string }

func (u userKey) ID() string { return "u:" + u.name }

type sliceKey []int

func (s sliceKey) ID() string { return "s" }

type Sizer interface{ Size() int }
type Namer interface{ Name() string }
type Both interface {
	Sizer
	Namer
	Size() int
}

type file struct{ name string }

func (f file) Size() int     { return len(f.name) }
func (f file) Name() string  { return f.name }
func (f file) Error() string { return "file error " + f.name }

func classify(x interface{}) string {
	switch v := x.(type) {
	case Both, error:
		return fmt.Sprintf("both-or-error %T", v)
	case fmt.Stringer:
		return "stringer " + v.String()
	}
	return "none"
}

func main() {
	r := Reading{"lab", 21.5, 3}
	fmt.Println(r, Celsius(1))
	fmt.Printf("%v %+v %s\n", r, r, Celsius(2))
	ps := PtrStringer{4}
	fmt.Println(ps, &ps)
	m := map[Key]int{userKey{"a"}: 1}
	m[userKey{"a"}]++
	m[userKey{"b"}] = 5
	keys := []string{}
	for k, v := range m {
		keys = append(keys, fmt.Sprint(k.ID(), "=", v))
	}
	if len(keys) == 2 && keys[0] > keys[1] {
		keys[0], keys[1] = keys[1], keys[0]
	}
	fmt.Println(strings.Join(keys, ","))
	ch := make(chan Namer, 1)
	ch <- file{"x.go"}
	n := <-ch
	fmt.Println(n.Name(), classify(n), classify(Celsius(3)), classify(3))
	var err error = file{"y"}
	f := err.Error
	g := errors.New("lib").Error
	fmt.Println(f(), g())
	var k1, k2 Key = sliceKey{1}, sliceKey{1}
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(k1 == k2)
}
