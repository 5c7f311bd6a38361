package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Max[T ~int | ~int32 | ~float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func main() {
	fmt.Printf("%v %T\n", Sum(1, 2.5), Sum(1, 2.5))
	fmt.Printf("%v %T\n", Max('a', 1), Max('a', 1))
	fmt.Printf("%v %T\n", Max(1, 2), Max(2.0, 1))
}
