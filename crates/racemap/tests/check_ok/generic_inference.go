package main

import "fmt"

func Drain[T any](ch <-chan T) []T {
	var out []T
	for v := range ch {
		out = append(out, v)
	}
	return out
}

func Send[T any](ch chan<- T, xs ...T) {
	for _, x := range xs {
		ch <- x
	}
	close(ch)
}

func Max[T int | float64](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Convert[From, To any](xs []From, f func(From) To) []To {
	out := make([]To, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

type Box[T any] struct{ v T }

func Unbox[T any](b *Box[T]) T { return b.v }

func First[S ~[]E, E any](s S) E { return s[0] }

type Names []string

func Keys[M ~map[K]V, K comparable, V any](m M) int { return len(m) }

func main() {
	ch := make(chan string, 3)
	Send(ch, "a", "b")
	fmt.Println(Drain(ch), Max(1, 2), Max(2.5, 1.0))
	fmt.Println(Convert[int](nil, func(i int) string { return "" }), Convert([]int{1, 2}, func(i int) float64 { return float64(i) / 2 }))
	fmt.Println(Unbox(&Box[string]{"boxed"}), First(Names{"x", "y"}), Keys(map[string]bool{"k": true}))
	xs := []int{4, 5}
	fmt.Println(Max(xs[0], xs[1]), Max[float64](1, 2))
}
