package main

import "sort"

type T struct{}

func (T) Len() int { return 0 }

func main() {
	xs := []int{2, 1}
	sort.Sort(xs)
	sort.Sort(T{})
	sort.Ints([]string{"a"})
	_ = sort.Search(3)
}
