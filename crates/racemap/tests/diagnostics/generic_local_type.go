package main

import "fmt"

func main() {
	type Box[T any] struct{ v T }
	b := Box[int]{v: 1}
	fmt.Println(b.v)
}
