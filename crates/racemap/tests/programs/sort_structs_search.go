package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }

func main() {
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}, {"Dan", 25}}
	sort.Sort(ByAge(people))
	fmt.Println(people)
	sort.SliceStable(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	fmt.Printf("%+v\n", people)
	ints := []int{5, 2, 8, 1}
	sort.Ints(ints)
	i := sort.SearchInts(ints, 5)
	fmt.Println(ints, i, sort.IntsAreSorted(ints))
	idx := sort.Search(len(ints), func(i int) bool { return ints[i] >= 3 })
	fmt.Println(idx)
	strs := []string{"pear", "apple", "fig"}
	sort.Sort(sort.Reverse(sort.StringSlice(strs)))
	fmt.Println(strs)
	fl := []float64{2.5, -1, 3}
	sort.Float64s(fl)
	fmt.Println(fl)
}
