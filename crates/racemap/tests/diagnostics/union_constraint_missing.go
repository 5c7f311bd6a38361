package main

import "fmt"

type Number interface {
	Integer | Float
}

type Integer interface{ ~int | ~int64 }
type Float interface{ ~float64 }

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	fmt.Println(Sum("a"))
}
