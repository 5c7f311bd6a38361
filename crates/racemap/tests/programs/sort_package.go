package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

// ByAge implements sort.Interface; it counts its calls.
type ByAge struct {
	people []Person
	less   int
	swaps  int
}

func (a *ByAge) Len() int           { return len(a.people) }
func (a *ByAge) Less(i, j int) bool { a.less++; return a.people[i].Age < a.people[j].Age }
func (a *ByAge) Swap(i, j int)      { a.swaps++; a.people[i], a.people[j] = a.people[j], a.people[i] }

type Names []string

func (n Names) Len() int           { return len(n) }
func (n Names) Less(i, j int) bool { return n[i] < n[j] }
func (n Names) Swap(i, j int)      { n[i], n[j] = n[j], n[i] }

func main() {
	xs := []int{5, 2, 8, 1, 9, 3}
	fmt.Println(sort.IntsAreSorted(xs))
	sort.Ints(xs)
	fmt.Println(xs, sort.IntsAreSorted(xs), sort.SearchInts(xs, 8), sort.SearchInts(xs, 4), sort.SearchInts(xs, 100))
	ss := []string{"pear", "apple", "fig", "Banana"}
	sort.Strings(ss)
	fmt.Println(ss, sort.StringsAreSorted(ss), sort.SearchStrings(ss, "fig"))
	zero := 0.0
	fs := []float64{2.5, zero / zero, -1, 1 / zero, 0}
	sort.Float64s(fs)
	fmt.Println(fs)

	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}, {"Dave", 25}, {"Eve", 30}}
	by := &ByAge{people: people}
	sort.Sort(by)
	fmt.Println(people, by.less, by.swaps)
	fmt.Println(sort.IsSorted(by), by.less)
	sort.Sort(sort.Interface(Names(ss)))
	fmt.Println(ss)

	// Slice sorts the caller's slice in place with its less function (unstable, but
	// insertion sort up to 12 elements).
	ps := []Person{{"a", 3}, {"b", 1}, {"c", 2}, {"d", 1}}
	sort.Slice(ps, func(i, j int) bool { return ps[i].Age < ps[j].Age })
	fmt.Println(ps, sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].Age < ps[j].Age }))
	// SliceStable keeps equal elements in order, however long the slice.
	long := make([]Person, 30)
	for i := range long {
		long[i] = Person{fmt.Sprint(i), (i * 7) % 4}
	}
	sort.SliceStable(long, func(i, j int) bool { return long[i].Age < long[j].Age })
	fmt.Println(long[:9])
	sort.Stable(&ByAge{people: people})
	fmt.Println(people)

	idx := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(idx, sort.Search(0, func(int) bool { return true }))
	defer func() { fmt.Println("recovered:", recover()) }()
	var nilSlice []int
	sort.Ints(nilSlice)
	sort.Slice(nilSlice, nil)
	fmt.Println("empty ok")
	sort.Slice(xs, nil)
}
