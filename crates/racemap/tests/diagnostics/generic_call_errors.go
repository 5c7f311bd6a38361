// racemap: --lang go1.19
package main

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

func Eq[T comparable](a, b T) bool { return a == b }

func Id[T any](x T) T { return x }

func Pick[T, U any](x T) U {
	var u U
	return u
}

type Box[T any] struct{ v T }

type Show interface{ String() string }

func Str[T Show](x T) string { return x.String() }

func main() {
	_ = Sum(1, 2.5)
	_ = Sum("a")
	_ = Sum[string]("b")
	_ = Sum[int](1, "c")
	_ = Eq([]int{}, nil)
	_ = Eq(1, "a")
	_ = Id[int, int](1)
	_ = Id
	_ = Pick(1)
}
