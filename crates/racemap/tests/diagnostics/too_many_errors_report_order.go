package main

import (
	"fmt"
	"os"
	"strings"
)

type Speaker interface{ Speak() string }

type Dog struct{}

func (d *Dog) Speak() string { return "woof" }

func pair() (int, error) { return 1, nil }

func noret(x int) int {
	if x > 0 {
		return 1
	}
}

func main() {
	unused := 5
	var s Speaker = Dog{}
	a, b, c := pair()
	x := pair()
	fmt.Println(undefinedVar)
	strings.ToUpper("a", "b")
	fmt.Println(s, a, b, c, x)
	var i int = "str"
	i.Foo()
	return 1
}
