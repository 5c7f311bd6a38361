package main

import (
	"fmt"
	"strings"
)

type Shape interface{ Area() float64 }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: %v\n", name, r)
			if e, ok := r.(error); ok {
				fmt.Printf("  is error: %T %v\n", e, strings.HasPrefix(e.Error(), "runtime error"))
			}
		}
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	i := 5
	try("index", func() { _ = s[i] })
	try("slice", func() { _ = s[1:i] })
	try("slice2", func() { j := 2; _ = s[j:1] })
	try("str", func() { _ = "abc"[i] })
	var m map[string]int
	try("nilmap", func() { m["a"] = 1 })
	var p *Sq
	try("nilptr", func() { _ = p.s })
	var x interface{} = "str"
	try("assert", func() { _ = x.(int) })
	var sh Shape
	try("nil iface", func() { sh.Area() })
	try("assert iface", func() { _ = x.(Shape) })
	var y interface{}
	try("assert nil", func() { _ = y.(string) })
	try("custom", func() { panic(fmt.Errorf("wrapped %d", 1)) })
	try("chan close nil", func() { var c chan int; close(c) })
	try("chan close twice", func() { c := make(chan int); close(c); close(c) })
	try("send closed", func() { c := make(chan int, 1); close(c); c <- 1 })
	try("neg make", func() { n := -1; _ = make([]int, n) })
	try("arr", func() { var a [3]int; k := 3; a[k] = 1 })
	try("conv", func() { var sh2 Shape = Sq{2}; _ = sh2.(*Sq) })
	fmt.Println("done")
	var arr []string
	fmt.Println(arr[len(s)])
}
