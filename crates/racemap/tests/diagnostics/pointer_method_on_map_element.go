package main

import "fmt"

type Point struct{ X, Y int }

func (p *Point) Move() { p.X++ }

func main() {
	m := map[string]Point{}
	m["a"].Move()
	var s []int
	s.Len()
	var i interface{} = 1
	n := i + 1
	fmt.Println(n)
	var f func()
	f = nil
	if f == nil {
	}
	ch := make(chan int)
	v, ok, z := <-ch
	fmt.Println(v, ok, z)
}
