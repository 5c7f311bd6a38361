package main

import (
	"errors"
	"fmt"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		err, isErr := r.(error)
		var re runtime.Error
		isRE := errors.As(err, &re)
		fmt.Printf("%s: %v | error=%t runtime.Error=%t\n", name, r, isErr, isRE)
	}()
	f()
}

func main() {
	n := -1
	try("makeslice", func() { _ = make([]int, n) })
	try("makeslice cap", func() { _ = make([]int, 2, n+2) })
	try("uncomparable", func() {
		var a, b interface{} = []int{1}, []int{1}
		fmt.Println(a == b)
	})
	try("unhashable", func() {
		m := map[interface{}]int{}
		m[[]int{1}] = 1
	})
	try("nil map ok", func() {
		var m map[string]int
		fmt.Println(m["x"], len(m))
		delete(m, "x")
	})
	try("array index", func() {
		var a [3]int
		i := 3
		a[i] = 1
	})
	try("slice3", func() {
		s := make([]int, 2, 4)
		j := 5
		_ = s[1:2:j]
	})
	try("slice inverted", func() {
		s := []int{1, 2, 3}
		i, j := 2, 1
		_ = s[i:j]
	})
	try("nil slice index", func() {
		var s []int
		_ = s[0]
	})
	try("string index", func() {
		s := "abc"
		k := 10
		_ = s[k]
	})
	try("conversion", func() {
		var x interface{} = int64(1)
		_ = x.(int)
	})
	try("nil iface method", func() {
		var e error
		_ = e.Error()
	})
	try("custom", func() { panic(errors.New("custom")) })
}
