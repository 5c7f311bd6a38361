package main

import "fmt"

type S struct{ A, B int }

var x = 1

func f() int { x *= 10; return x }

func two() (int, int) { return x, f() }

func show(a, b int) { fmt.Println("show", a, b) }

func main() {
	fmt.Println(two())
	x = 1
	s := S{A: x, B: f()}
	fmt.Println(s)
	x = 1
	fmt.Println(x == f(), x)
	x = 1
	ch := make(chan int, 1)
	ch <- x + f()
	fmt.Println(<-ch)
	x = 1
	m := map[int]int{x: f()}
	fmt.Println(m)
	x = 1
	defer show(x, f())
	x = 1
	y := 2
	y, z := x, f()
	fmt.Println(y, z)
	x = 1
	arr := []int{1, 2, 3}
	func() {
		defer func() { fmt.Println("recovered:", recover(), x) }()
		fmt.Println(arr[x+5], f())
	}()
	x = 1
	var p *S
	func() {
		defer func() { fmt.Println("recovered:", recover() != nil, x) }()
		fmt.Println(p.A, f())
	}()
	x = 1
	fmt.Println(-x+f(), !(x > 5) == (f() > 0))
	x = 1
	done := make(chan bool)
	go func(a, b int) { fmt.Println("go", a, b); done <- true }(x, f())
	<-done
	x = 1
	fmt.Println(fmt.Sprint(x), f())
}
