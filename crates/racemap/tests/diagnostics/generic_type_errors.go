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

type Box[T comparable] struct{ v T }

type Show interface{ String() string }

func Str[T Show](x T) string { return x.String() }

func main() {
	var b Box
	var c Box[int, int]
	var n Number
	var k comparable
	_ = Str(1)
	var d Box[[]int]
	_, _, _, _, _ = b, c, n, k, d
}

type W[T any] struct{ T }
