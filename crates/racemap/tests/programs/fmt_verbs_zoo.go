package main

import (
	"errors"
	"fmt"
)

type Point struct {
	X, Y int
}

type Named struct {
	Name string
	Tags []string
	Meta map[string]int
	Next *Named
	Err  error
	Any  interface{}
}

func main() {
	p := Point{1, 2}
	pp := &p
	fmt.Printf("%v %+v %#v %T\n", p, p, p, p)
	fmt.Printf("%v %+v %T\n", pp, pp, pp)
	var np *Point
	fmt.Printf("%v %+v %#v %T\n", np, np, np, np)
	n := Named{Name: "n", Tags: []string{"a", "b"}, Meta: map[string]int{"z": 1, "a": 2}}
	fmt.Printf("%v\n%+v\n", n, n)
	fmt.Printf("%#v\n", n.Tags)
	fmt.Printf("%#v\n", n.Meta)
	var e error
	fmt.Printf("%v %T\n", e, e)
	e = errors.New("boom")
	fmt.Printf("%v %q %T\n", e, e, e)
	fmt.Printf("%x %X %q %v\n", "hi", []byte("hi"), 'x', 'x')
	fmt.Printf("%5d|%-5d|%05d|%x|%o|%b\n", 42, 42, 42, 255, 8, 5)
	fmt.Printf("%8.3f|%-8.2f|%e|%g\n", 3.14159, 2.5, 1234.5678, 0.000001)
	fmt.Printf("%t %v %p\n", true, nil, nil)
	fmt.Printf("%d\n", []int{1, 2, 3})
	fmt.Printf("%s\n", []string{"x", "y"})
	fmt.Printf("%q\n", map[string]int{"b": 1, "a": 2})
	var m map[string]int
	var s []int
	fmt.Printf("%v %v %d %t\n", m, s, len(m), s == nil)
	fmt.Printf("%#v %#v\n", m, s)
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d %d\n", 1, 2, 3)
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil))
	fmt.Printf("%6.2v|%10s|%-10s|\n", 3.14159, "r", "l")
	fmt.Printf("%+d %+q %#x %#o\n", 5, "é", 255, 8)
	fmt.Printf("%c %U\n", 65, 0x1F600)
	fmt.Printf("%v\n", [3]bool{true})
	fmt.Printf("%v %v\n", struct{}{}, []struct{}{{}, {}})
	type inner struct{ a *int }
	fmt.Printf("%+v\n", inner{})
}
