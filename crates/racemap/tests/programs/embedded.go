package main

import (
	"fmt"
	"sync"
)

type Base struct {
	ID int
}

func (b *Base) SetID(id int) { b.ID = id }
func (b Base) Describe() string { return fmt.Sprint("base#", b.ID) }

type Store struct {
	sync.Mutex
	Base
	items map[string]int
	hist  [3]int
}

func (s *Store) Put(k string, v int) {
	s.Lock()
	defer s.Unlock()
	s.items[k] = v
	s.hist[v%3]++
}

func main() {
	s := &Store{items: map[string]int{}}
	s.SetID(7)
	fmt.Println(s.Describe(), s.ID)
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.Put(fmt.Sprint("k", i), i)
		}(i)
	}
	wg.Wait()
	fmt.Println(len(s.items), s.hist, s.items["k4"])
	var local Store
	local.items = map[string]int{}
	local.Put("a", 2)
	d := local.Describe
	local.SetID(9)
	fmt.Println(d(), local.hist[2])
}
