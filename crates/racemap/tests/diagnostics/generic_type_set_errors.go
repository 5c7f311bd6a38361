package main

import "fmt"

type Plain struct{}

func Rem[T ~int | ~float64](x T) T { return x % 2 }

func Diff[T ~int | ~string](x T) T { return x - x }

func Wide[T ~int8 | ~int64](x T) T { return x + 300 }

func Half[T ~int | ~float64]() T { return 1.5 }

func Shift[T ~int | ~int64](x T) T { return x << 1 }

func (p *Plain[T]) M() {}

func main() {
	var p Plain[int]
	fmt.Println(p, Shift(1))
}

func Neg[T interface{ ~int | ~string }](x T) T { return -x }
