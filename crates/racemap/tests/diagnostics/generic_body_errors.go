package main

import "fmt"

type Number interface {
	~int | ~float64
}

func Add[T any](a, b T) T { return a + b }

func Less[T any](a, b T) bool { return a < b }

func Same[T any](a, b T) bool { return a == b }

func Five[T any]() T { return 5 }

func IsInt[T any](x T) bool {
	_, ok := x.(int)
	return ok
}

func Kind[T any](x T) string {
	switch x.(type) {
	case int:
		return "int"
	}
	return "?"
}

func Text[T Number](x T) string { return x }

type Set[T comparable] struct{ m map[T]bool }

func (s Set[T]) Twice(x T) T { return x * 2 }

func Keys[K any]() map[K]bool { return nil }

func main() {
	fmt.Println()
}
