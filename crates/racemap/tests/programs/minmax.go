package main

import "fmt"

// The min and max builtins (Go 1.21). Go 1.19, the reference elsewhere, predates them; the
// expected output follows the language spec: the smallest/largest argument, strings ordered
// byte-wise, untyped constants converted to the other arguments' type.
func main() {
	a, b, c := 7, -3, 12
	fmt.Println(min(a, b, c), max(a, b, c), min(a, 2), max(5, a))
	x := 2.5
	fmt.Println(min(x, 1), max(x, 3.75, -1))
	s := "pear"
	fmt.Println(min(s, "apple", "zebra"), max(s, "apple"))
	var i32 int32 = 40
	fmt.Println(max(i32, 41)+1, min(1, 2))
}
