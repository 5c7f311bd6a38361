package main

func Eq[T comparable](a, b T) bool { return a == b }

func Pair[T any](a, b T) []T { return []T{a, b} }

func main() {
	_ = Eq(1, "a")
	_ = Pair('x', true)
}
