package main

import (
	"fmt"
	"sort"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type scores struct {
	sort.IntSlice
	name string
}

// sort.Reverse, IntSlice, StringSlice, Float64Slice and their methods; sort.Sort and
// sort.Stable on the program's types.
func main() {
	xs := []int{3, 1, 2, 5, 4}
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	fmt.Println(xs)
	s := sort.IntSlice{9, 8, 7}
	s.Sort()
	fmt.Println(s, s.Len(), s.Less(0, 1), sort.IsSorted(s))
	s.Swap(0, 2)
	fmt.Println(s, s.Search(8))
	ss := sort.StringSlice{"b", "c", "a"}
	sort.Sort(ss)
	fmt.Println(ss, ss.Search("b"))
	fs := sort.Float64Slice{2.5, -1, 3}
	sort.Stable(sort.Reverse(fs))
	fmt.Println(fs)
	words := byLen{"ccc", "a", "bb"}
	sort.Sort(sort.Reverse(words))
	fmt.Println(words)
	sort.Stable(words)
	fmt.Println(words, sort.IsSorted(words))
	sort.Sort(sort.StringSlice(words))
	fmt.Println(words)

	r := sort.Reverse(sort.IntSlice{1, 2, 3})
	fmt.Printf("%T %v %d\n", r, r, r.Len())
	var v interface{} = sort.StringSlice{"x"}
	if i, ok := v.(sort.Interface); ok {
		fmt.Println("interface", i.Len())
	}
	if _, ok := v.(fmt.Stringer); !ok {
		fmt.Println("not a Stringer")
	}
	ys := sort.IntSlice{5, 2, 8, 1}
	less := ys.Less
	fmt.Println(less(0, 1), sort.IsSorted(sort.Reverse(ys)))
	defer fmt.Println("deferred", ys)
	defer ys.Sort()
	people := []person{{"a", 30}, {"b", 20}, {"c", 25}}
	sort.Sort(sort.Reverse(byAge(people)))
	fmt.Println(people)
	sc := scores{sort.IntSlice{3, 1, 2}, "s"}
	sort.Sort(sc)
	fmt.Println(sc, sc.Len(), sc.Search(2))
	f2 := sort.Float64Slice{3, 1, 2}
	f2.Sort()
	fmt.Println(f2, f2.Search(2.5), sort.Float64sAreSorted(f2), sort.SearchFloat64s(f2, 3))
	big := make(sort.IntSlice, 30)
	for i := range big {
		big[i] = (i * 7) % 30
	}
	sort.Sort(sort.Reverse(big))
	fmt.Println(big[:5], sort.IsSorted(sort.Reverse(big)))
	var p *sort.IntSlice = &ys
	sort.Sort(p)
	fmt.Println(*p)
}
