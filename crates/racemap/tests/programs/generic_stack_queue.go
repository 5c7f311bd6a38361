package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Number interface {
	~int | ~int64 | ~float64
}

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

var ErrEmpty = errors.New("empty stack")

func (s *Stack[T]) Pop() (T, error) {
	var zero T
	if len(s.items) == 0 {
		return zero, ErrEmpty
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, nil
}

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func (p Pair[K, V]) String() string { return fmt.Sprintf("%v=%v", p.Key, p.Val) }

func SortedPairs[K comparable, V any](m map[K]V, less func(a, b K) bool) []Pair[K, V] {
	out := make([]Pair[K, V], 0, len(m))
	for k, v := range m {
		out = append(out, Pair[K, V]{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return less(out[i].Key, out[j].Key) })
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

type Celsius float64

func main() {
	fmt.Println(Sum([]int{1, 2, 3}), Sum([]float64{1.5, 2.25}), Sum([]Celsius{10, 20.5}))
	var s Stack[string]
	s.Push("a")
	s.Push("b")
	for i := 0; i < 3; i++ {
		v, err := s.Pop()
		fmt.Printf("%q %v\n", v, err)
	}
	ps := SortedPairs(map[string]int{"b": 2, "a": 1, "c": 3}, func(a, b string) bool { return a < b })
	fmt.Println(ps)
	fmt.Printf("%v %+v %T\n", ps[0], ps[1], ps[2])
	words := Filter(strings.Fields(" go is fun  and fast "), func(w string) bool { return len(w) > 2 })
	fmt.Println(words, len(words))
	var st Stack[int]
	fmt.Printf("%+v %T\n", st, st)
}
