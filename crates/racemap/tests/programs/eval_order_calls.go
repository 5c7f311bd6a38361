package main

import "fmt"

type S struct{ x int }

var g = 1

func add(a, b int) int { return a*10 + b }

func main() {
	x := 1
	f := func() int { x++; g++; return x }
	fmt.Println(x, f())
	fmt.Println(add(x, f()))
	fmt.Println(x+f(), f()+x)
	fmt.Println(g, f())
	s := &S{1}
	h := func() int { s.x++; return s.x }
	fmt.Println(s.x, h())
	v := S{1}
	pv := &v
	k := func() int { pv.x++; return 0 }
	fmt.Println(v.x, k(), v)
	arr := []int{1, 2}
	j := func() int { arr[0] = 9; return 0 }
	fmt.Println(arr[0], j())
	m := map[string]int{"a": 1}
	mm := func() int { m["a"] = 5; return 0 }
	fmt.Println(m["a"], mm())
	y := 1
	py := &y
	w := func() int { *py = 7; return 0 }
	fmt.Println(*py, w(), y)
	z := 1
	a, b := z, func() int { z = 3; return z }()
	fmt.Println(a, b)
	c := []int{z, func() int { z = 4; return z }()}
	fmt.Println(c)
	q := 1
	fmt.Println(q+1, func() int { q = 10; return 0 }())
	str := "a"
	fmt.Println(str+"!", func() int { str = "b"; return 0 }())
	var iface any = 1
	fmt.Println(iface, func() int { iface = 2; return 0 }())
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	fmt.Println(len(ch), <-ch)
}
