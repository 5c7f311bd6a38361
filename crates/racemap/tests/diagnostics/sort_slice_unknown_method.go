package main

import "sort"

func main() {
	s := sort.IntSlice{1}
	s.Foo()
	sort.Reverse(s).Bar()
}
