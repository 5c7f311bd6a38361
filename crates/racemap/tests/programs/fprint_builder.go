package main

import (
	"fmt"
	"strings"
)

type point struct{ x, y int }

func main() {
	var b strings.Builder
	n, err := fmt.Fprintf(&b, "%d-%s|", 42, "go")
	fmt.Println(n, err)
	fmt.Fprint(&b, "a", 1, 2, "b")
	fmt.Fprintln(&b, point{1, 2}, []int{3})
	p := &b
	fmt.Fprintf(p, "%v %q\n", map[string]int{"k": 1}, "x")
	fmt.Print(b.String())
	fmt.Println(b.Len())
	var sb strings.Builder
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	c := sb
	fmt.Fprint(&sb, "x")
	c = sb
	fmt.Fprint(&c, "y")
}
