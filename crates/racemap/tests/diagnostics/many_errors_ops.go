package main

import (
	"fmt"
)

type T struct {
	a int
	m map[string]int
}

func (t T) Val() int   { return t.a }
func (t *T) Ptr() int  { return t.a }
func two() (int, bool) { return 1, true }

func e11() {
	var f func(int)
	f("a")
}
func e12() {
	fmt.Printf()
}
func e13() {
	var i int
	var j int64
	_ = i + j
}
func e14() {
	var b bool
	_ = b + b
}
func e15() {
	x := []int{1}
	_ = x < x
}
func e16() {
	var t T
	_ = t.missing
}
func e17() {
	_ = T{a: 1, a: 2}
}
func e18() {
	var x interface{}
	_ = x.(string) + 1
}
func e19() {
	for i := range 3.0 {
		_ = i
	}
}

func main() {}
