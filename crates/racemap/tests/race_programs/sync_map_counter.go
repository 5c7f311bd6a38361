package main

import (
	"fmt"
	"sort"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	for _, w := range []string{"a", "b", "a"} {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			v, loaded := m.LoadOrStore(w, new(int))
			_ = loaded
			_ = v
		}(w)
	}
	wg.Wait()
	var keys []string
	m.Range(func(k, v interface{}) bool {
		keys = append(keys, k.(string))
		return true
	})
	sort.Strings(keys)
	fmt.Println(keys)
	m.Delete("a")
	_, ok := m.Load("a")
	v, ok2 := m.Load("b")
	fmt.Println(ok, ok2, v != nil)
	act, loaded := m.LoadAndDelete("b")
	fmt.Printf("%T %v\n", act, loaded)
}
