package main

import "fmt"

// Go words a failed bounds check by its kind: a negative index is reported alone, slicing an
// array or string is checked against its length, a slice against its capacity.

func try(name string, f func()) {
	defer func() {
		fmt.Printf("%s: %v\n", name, recover())
	}()
	f()
}

func main() {
	s := []int{1, 2, 3}
	a := [3]int{1, 2, 3}
	str := "abc"
	n, k := -1, 5
	try("index neg", func() { _ = s[n] })
	try("array index neg", func() { _ = a[n+k-k] })
	try("string index neg", func() { _ = str[n] })
	try("slice hi neg", func() { _ = s[:n] })
	try("slice lo neg", func() { _ = s[n:] })
	try("slice hi big", func() { _ = s[:k] })
	try("array slice big", func() { _ = a[:k] })
	try("array slice lo>hi", func() { _ = a[2:1+n+2] })
	try("string slice neg lo", func() { _ = str[n:] })
	try("string slice neg hi", func() { _ = str[:n] })
	try("3idx max neg", func() { _ = s[:1:n] })
	try("3idx max big", func() { _ = s[0:1:k] })
	try("3idx array max big", func() { _ = a[0:1:k] })
	try("3idx hi neg", func() { _ = s[:n:2] })
	try("3idx lo neg", func() { _ = s[n:1:2] })
	try("3idx hi>max", func() { _ = s[:3:k-3] })
	try("3idx lo>hi", func() { _ = s[2:k-4:3] })
	var p *[3]int = &a
	_ = p[1:k]
}
