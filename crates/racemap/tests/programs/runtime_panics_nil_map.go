package main

import "fmt"

type Registry struct {
	items map[string]int
}

func (r *Registry) Add(k string) {
	r.items[k]++
}

func main() {
	var r Registry
	fmt.Println("adding")
	r.Add("x")
	fmt.Println("unreachable")
}
