package main

import (
	"fmt"
	"sync"
)

type Point struct {
	X, Y int
}

type Stats struct {
	sync.Mutex
	Counts map[string]int
	Last   *Point
}

func main() {
	s := Stats{Counts: map[string]int{"z": 1, "a": 2, "m": 3}}
	var wg sync.WaitGroup
	for _, k := range []string{"a", "b", "z"} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			s.Lock()
			s.Counts[k]++
			s.Unlock()
		}(k)
	}
	wg.Wait()
	p := Point{1, 2}
	fmt.Printf("%v %+v %#v\n", s.Counts, p, p)
	fmt.Printf("%v %d %s %q %x %08.3f %-5s| %5t\n", []int{1, 2}, []int{3}, []string{"a"}, "q", 255, 3.14159, "ab", true)
	fmt.Println(map[Point]string{{2, 1}: "b", {1, 2}: "a"})
}
