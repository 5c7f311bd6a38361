package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	for i := 0; i < 3; i++ {
		m.Store(i, i*i)
	}
	m.Delete(1)
	v, ok := m.LoadOrStore(5, "five")
	fmt.Println(v, ok)
	sum := 0
	m.Range(func(k, v any) bool {
		if n, ok := v.(int); ok {
			sum += n
		}
		return true
	})
	fmt.Println(sum)
	old, loaded := m.Load(2)
	fmt.Println(old, loaded)
}
