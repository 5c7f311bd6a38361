// Go 1.22 semantics: each loop iteration has its own i, so this prints "0 10 20" (Go 1.19
// printed "30 30 30").
package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	c := counter()
	c()
	c()
	fmt.Println(c())
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	x := 1
	inc := func() { x += 5 }
	inc()
	inc()
	fmt.Println(x)
}
