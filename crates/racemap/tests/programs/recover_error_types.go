package main

import (
	"errors"
	"fmt"
)

type T struct{ x int }

func (*T) Error() string { return "t" }

type Shape interface{ Area() int }

type Sq struct{}

func (Sq) Area() int { return 1 }

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRT := r.(interface{ RuntimeError() })
		_, isErr := r.(error)
		fmt.Printf("%s: %T %v rt=%v err=%v\n", name, r, r, isRT, isErr)
		if e, ok := r.(error); ok {
			fmt.Println("  Error():", e.Error())
		}
	}()
	f()
}

func main() {
	var m map[string]int
	try("nilmap", func() { m["a"] = 1 })
	var s []int
	try("index", func() { _ = s[5] })
	i := 7
	try("slice", func() { _ = s[1:i] })
	var p *T
	try("nilptr", func() { _ = p.x })
	z := 0
	try("div", func() { _ = 10 / z })
	var a any = "str"
	try("assert", func() { _ = a.(int) })
	var e error
	try("assert2", func() { _ = e.(fmt.Stringer) })
	ch := make(chan int)
	close(ch)
	try("closeclosed", func() { close(ch) })
	try("sendclosed", func() { ch <- 1 })
	var nc chan int
	try("closenil", func() { close(nc) })
	try("custom", func() { panic(errors.New("boom")) })
	try("value", func() { panic(42) })
	try("fmterr", func() { panic(fmt.Errorf("wrap %w", errors.New("x"))) })
	arr := [3]int{}
	k := 3
	try("arr", func() { arr[k] = 1 })
	try("str", func() { _ = "abc"[k] })
	try("makeslice", func() { _ = make([]int, z-1) })
	var a0 any
	var e0 error
	var s0 Shape
	try("nilany", func() { _ = a0.(int) })
	try("nilany2", func() { _ = a0.(fmt.Stringer) })
	try("nilerr", func() { _ = e0.(*T) })
	try("nilshape", func() { _ = s0.(Sq) })
	s0 = Sq{}
	try("shape", func() { _ = s0.(*Sq) })
	try("missing", func() { _ = s0.(fmt.Stringer) })
	e0 = errors.New("e")
	try("errtype", func() { _ = e0.(*T) })
}
