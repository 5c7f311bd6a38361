package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~float32 | ~float64 | ~string
}

func SortedKeys[K Ordered, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

type List[T any] struct {
	head *node[T]
	size int
}

type node[T any] struct {
	val  T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.size++
}

func (l *List[T]) All() []T {
	var out []T
	for n := l.head; n != nil; n = n.next {
		out = append(out, n.val)
	}
	return out
}

type Stringer interface{ String() string }

type ID int

func (i ID) String() string { return fmt.Sprintf("#%d", int(i)) }

func JoinAll[T Stringer](xs []T, sep string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = x.String()
	}
	return strings.Join(parts, sep)
}

func Filter[T any](xs []T, pred func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if pred(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

type Result[T any] struct {
	Val T
	Err error
}

func Try[T any](f func() (T, error)) Result[T] {
	v, err := f()
	return Result[T]{v, err}
}

func main() {
	fmt.Println(SortedKeys(map[string]int{"z": 1, "a": 2}), SortedKeys(map[float64]bool{2.5: true, -1: false}))
	var l List[string]
	l.Push("a")
	l.Push("b")
	fmt.Println(l.All(), l.size)
	fmt.Printf("%T %T\n", l, &node[int]{})
	fmt.Println(JoinAll([]ID{1, 2, 3}, ","))
	evens := Filter([]int{1, 2, 3, 4}, func(x int) bool { return x%2 == 0 })
	fmt.Println(evens, Reduce(evens, "", func(a string, x int) string { return a + fmt.Sprint(x) }))
	r := Try(func() (int, error) { return 0, errors.New("nope") })
	fmt.Printf("%+v %v\n", r, r)
	r2 := Try(func() (string, error) { return "ok", nil })
	fmt.Printf("%+v %T\n", r2, r2)
}
