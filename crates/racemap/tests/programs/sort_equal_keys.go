package main

import (
	"fmt"
	"sort"
)

type item struct {
	key, id int
}

type byKey []item

func (b byKey) Len() int { return len(b) }
func (b byKey) Less(i, j int) bool {
	calls++
	return b[i].key < b[j].key
}
func (b byKey) Swap(i, j int) {
	swaps++
	b[i], b[j] = b[j], b[i]
}

var calls, swaps int

func gen(n int) []item {
	xs := make([]item, n)
	s := 7
	for i := range xs {
		s = (s*1103515245 + 12345) % 2147483648
		xs[i] = item{key: (s / 65536) % 5, id: i}
	}
	return xs
}

func main() {
	for _, n := range []int{13, 50, 200} {
		xs := gen(n)
		lc := 0
		sort.Slice(xs, func(i, j int) bool { lc++; return xs[i].key < xs[j].key })
		fmt.Println(n, "slice", lc, xs)
		ys := gen(n)
		calls, swaps = 0, 0
		sort.Sort(byKey(ys))
		fmt.Println(n, "sort", calls, swaps, ys)
		zs := gen(n)
		calls, swaps = 0, 0
		sort.Stable(byKey(zs))
		fmt.Println(n, "stable", calls, swaps)
		ws := gen(n)
		lc = 0
		sort.SliceStable(ws, func(i, j int) bool { lc++; return ws[i].key < ws[j].key })
		fmt.Println(n, "slicestable", lc)
		fs := []float64{}
		for _, it := range gen(n) {
			f := float64(it.key)
			if it.id%3 == 0 {
				f = -f
			}
			if f == 0 && it.id%2 == 0 {
				f = -f
			}
			fs = append(fs, f)
		}
		sort.Float64s(fs)
		fmt.Println(n, fs)
	}
}
