package main

import "fmt"

type Setter[T any] interface {
	*T
	Set(string)
}

type Item struct{ name string }

func (i *Item) Set(s string) { i.name = s }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		PT(&out[i]).Set(s)
	}
	return out
}

type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64
}

func IsEven[T Integer](x T) bool { return x%2 == 0 && x&1 == 0 }

func Scale[S ~[]E, E ~int | ~float64](s S, k E) S {
	out := make(S, len(s))
	for i, v := range s {
		out[i] = v * k
	}
	return out
}

func CountBy[K comparable, V any](xs []V, key func(V) K) map[K]int {
	m := make(map[K]int)
	for _, x := range xs {
		m[key(x)]++
	}
	return m
}

func main() {
	fmt.Println(FromStrings[Item]([]string{"a", "b"}))
	fmt.Println(IsEven(4), IsEven(int8(3)))
	fmt.Println(Scale([]float64{1, 2}, 1.5), Scale([]int{1, 2}, 3))
	fmt.Println(CountBy([]string{"a", "bb", "cc"}, func(s string) int { return len(s) }))
}
