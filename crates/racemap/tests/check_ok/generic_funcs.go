package main

import (
	"fmt"
	"strconv"
)

type Number interface {
	~int | ~int64 | ~float64
}

type Celsius float64

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Max[T interface{ ~int | ~float64 | ~string }](a, b T) T {
	if a < b {
		return b
	}
	return a
}

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	x := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return x, true
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

type List[T any] struct {
	head *node[T]
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Add(v T) { l.head = &node[T]{v, l.head} }

func (l *List[T]) Each(f func(T)) {
	for n := l.head; n != nil; n = n.next {
		f(n.v)
	}
}

type Stringer interface{ String() string }

func Join[T Stringer](xs []T) string {
	s := ""
	for i, x := range xs {
		if i > 0 {
			s += ", "
		}
		s += x.String()
	}
	return s
}

func Counter[T any]() func(T) int {
	n := 0
	return func(T) int {
		n++
		return n
	}
}

func main() {
	fmt.Println(Sum(1, 2, 3), Sum(1.5, 2.5), Sum[int64](4, 5), Sum(Celsius(1), 2))
	fmt.Println(Map([]int{1, 2, 3}, func(i int) string { return strconv.Itoa(i) + "!" }), Map([]string{"a", "bb"}, func(s string) int { return len(s) }))
	fmt.Println(Filter([]int{1, 2, 3, 4}, func(x int) bool { return x%2 == 0 }))
	fmt.Println(Max(3, 7), Max("go", "rust"), Max(2.5, 1.0))
	fmt.Println(Index([]string{"a", "b"}, "b"), Index([]int{1}, 5))
	var s Stack[string]
	s.Push("x")
	s.Push("y")
	top, ok := s.Pop()
	fmt.Println(top, ok, len(s.items))
	p := Pair[string, int]{"a", 1}
	fmt.Println(p, Join([]Pair[string, int]{p, {"b", 2}}))
	fmt.Printf("%T %v %+v\n", p, p.Val, Stack[int]{})
	var l List[int]
	l.Add(1)
	l.Add(2)
	l.Each(func(v int) { fmt.Print(v, " ") })
	fmt.Println()
	next := Counter[string]()
	next("a")
	fmt.Println(next("b"))
	sumInts := Sum[int]
	fmt.Println(sumInts(4, 5, 6))
	var any1 any = Pair[int, bool]{1, true}
	if q, ok := any1.(Pair[int, bool]); ok {
		fmt.Println(q.Key, q.Val)
	}
}
