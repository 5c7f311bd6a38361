package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct{ Name string }

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v (%T)\n", name, r, r)
	}()
	f()
}

func main() {
	var v atomic.Value
	fmt.Println(v.Load() == nil, v.Load())
	fmt.Printf("%v %+v %T\n", v, v, v)
	v.Store(1)
	fmt.Printf("%v %+v %#v\n", v, v, &v)
	fmt.Println(v.Load(), v.Swap(2), v.Load())
	fmt.Println(v.CompareAndSwap(2, 3), v.Load())
	fmt.Println(v.CompareAndSwap(2, 4), v.Load())
	try("store nil", func() { v.Store(nil) })
	try("store string", func() { v.Store("x") })
	try("swap nil", func() { v.Swap(nil) })
	try("swap string", func() { v.Swap("x") })
	try("cas nil", func() { v.CompareAndSwap(3, nil) })
	try("cas mixed", func() { v.CompareAndSwap(3, "x") })
	try("cas other type", func() { v.CompareAndSwap("a", "x") })
	try("cas nil old", func() { fmt.Println(v.CompareAndSwap(nil, 5)) })
	var w atomic.Value
	fmt.Println(w.CompareAndSwap(1, 2), w.Load())
	fmt.Println(w.CompareAndSwap(nil, []int{1}), w.Load())
	try("cas uncomparable", func() { w.CompareAndSwap([]int{1}, []int{2}) })
	var x atomic.Value
	fmt.Println(x.Swap(&Config{"a"}), x.Load().(*Config).Name)
	old := x.Swap(&Config{"b"}).(*Config)
	fmt.Println(old.Name, x.Load().(*Config).Name)
	vals := []atomic.Value{{}, {}}
	vals[1].Store("s")
	fmt.Println(vals[0].Load(), vals[1].Load(), vals[0] == vals[1])
	m := map[atomic.Value]int{vals[1]: 1}
	fmt.Println(m[vals[1]], m[vals[0]])
	var y atomic.Value
	y.Store(nil)
}
