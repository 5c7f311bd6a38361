package main

import "fmt"

func main() {
	a := [...]int{1: 1, 1: 2}
	s := []string{0: "a", 2: "b", 2: "c"}
	const k = 3
	b := [5]int{k: 1, 3: 2}
	fmt.Println(a, s, b)
}
