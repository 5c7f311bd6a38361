package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2, "c": 3}
	s := ""
	for k := range m {
		s += k
	}
	fmt.Println(s)
}
