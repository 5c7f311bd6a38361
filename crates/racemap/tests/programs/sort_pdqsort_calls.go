package main

import (
	"fmt"
	"sort"
)

type rec struct{ k, id int }

type data struct {
	xs []rec
	h  int
}

func (d *data) Len() int { return len(d.xs) }
func (d *data) Less(i, j int) bool {
	d.h = (d.h*31 + i*7 + j + 1) % 1000000007
	return d.xs[i].k < d.xs[j].k
}
func (d *data) Swap(i, j int) {
	d.h = (d.h*37 + i*11 + j + 3) % 1000000007
	d.xs[i], d.xs[j] = d.xs[j], d.xs[i]
}

func pattern(p, n int) []rec {
	xs := make([]rec, n)
	s := 12345
	for i := range xs {
		var k int
		switch p {
		case 0:
			k = i
		case 1:
			k = n - i
		case 2:
			k = 3
		case 3:
			k = i % 7
		case 4:
			if i < n/2 {
				k = i
			} else {
				k = n - i
			}
		case 5:
			s = (s*1103515245 + 12345) % 2147483648
			k = s % 1000
		case 6:
			s = (s*1103515245 + 12345) % 2147483648
			k = s % 3
		case 7:
			k = i
			if i%10 == 0 {
				k = n - i
			}
		}
		xs[i] = rec{k, i}
	}
	return xs
}

func main() {
	cases := [][2]int{{0, 1}, {0, 50}, {1, 13}, {1, 64}, {2, 50}, {3, 13}, {3, 51}, {4, 60}, {5, 13}, {5, 64}, {6, 150}, {7, 50}}
	for _, c := range cases {
		{
			p, n := c[0], c[1]
			d := &data{xs: pattern(p, n)}
			sort.Sort(d)
			d2 := &data{xs: pattern(p, n)}
			sort.Stable(d2)
			ys := pattern(p, n)
			h := 0
			sort.Slice(ys, func(i, j int) bool { h = (h*31 + i*7 + j + 1) % 1000000007; return ys[i].k < ys[j].k })
			ok := true
			for i := range ys {
				if ys[i] != d.xs[i] {
					ok = false
				}
			}
			ids := 0
			for i, r := range d.xs {
				ids = (ids*131 + r.id + i) % 1000000007
			}
			fmt.Println(p, n, d.h, d2.h, h, ok, ids)
		}
	}
}
