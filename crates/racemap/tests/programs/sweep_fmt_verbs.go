package main

import (
	"errors"
	"fmt"
	"time"
)

type Inner struct{ A int }
type Outer struct {
	*Inner
	B   []string
	M   map[int]bool
	E   error
	F   func()
	Any interface{}
}

type Temp float64

func main() {
	o := Outer{&Inner{1}, []string{"x"}, map[int]bool{2: true, 1: false}, errors.New("bad"), nil, 3}
	fmt.Printf("%v\n", o.B)
	fmt.Printf("%+v\n", *o.Inner)
	fmt.Printf("%s|%d|%d %d\n", 42, "s", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("% x|%+d|%5.2f|%-6s|%06d|%x|%X\n", "hi yo", 5, 3.14159, "ab", -42, -255, []byte{1, 171})
	fmt.Printf("%v %.3v %10.4v|\n", 1e21, 3.14159, "abcdefgh")
	fmt.Printf("%g %G %e %.0f %v %v\n", 100000000.0, 1e-7, 0.0, 2.5, float32(0.1), 1.0)
	fmt.Printf("%t %v %08b %o %#o %#x %#v\n", false, true, 5, 64, 64, 255, []int(nil))
	fmt.Printf("%v %s\n", Temp(21.5), time.Duration(1500)*time.Millisecond)
	fmt.Printf("%#v %#v %#v\n", map[string]int{"a": 1}, struct{ X, y int }{1, 2}, "q")
	fmt.Printf("%q %q %v\n", 'x', []string{"a b", "c"}, [2]bool{})
	fmt.Printf("%c|%-4c|%U\n", 0x1F600, 'a', 0x1F600)
	fmt.Printf("%T %T %T %T\n", o.F, o.M, o.Any, errors.New("e"))
	fmt.Printf("%v %v\n", errors.New("x") == errors.New("x"), fmt.Errorf("w: %w", errors.New("in")))
	fmt.Printf("%6.2f%%\n", 12.3456)
	fmt.Printf("%[2]d %[1]d %d\n", 1, 2)
	fmt.Printf("%*d|%-*d|\n", 5, 1, 3, 2)
	fmt.Println(fmt.Sprintf("%v", nil), fmt.Sprintf("%d", nil), fmt.Sprintf("%s", nil))
	var np *Inner
	fmt.Printf("%v %+v\n", np, np)
	fmt.Println(o.A, o.Inner.A)
}
