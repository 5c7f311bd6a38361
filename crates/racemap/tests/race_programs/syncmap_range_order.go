package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("a", 1)
	m.Store("b", 2)
	m.Store("c", 3)
	s := ""
	m.Range(func(k, v any) bool {
		s += k.(string)
		return true
	})
	fmt.Println(s)
}
