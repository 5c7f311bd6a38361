package main

import "fmt"

type Grid struct {
	name  string
	cells [4]int
}

func main() {
	var g Grid
	g.cells[1] = 5
	s := g.cells[1:3]
	s[1] = 7
	fmt.Println(len(s), cap(s), s, g.cells)
	p := &g
	t := p.cells[:2:3]
	t = append(t, 9)
	fmt.Println(t, g.cells, cap(t))
	grids := []Grid{{name: "a"}, {name: "b"}}
	u := grids[1].cells[2:]
	u[0] = 1
	fmt.Println(grids[1].cells, len(u))
}
