package main

import (
	"fmt"
	"strconv"
	"sync"
	"time"
)

type Store struct {
	mu   sync.RWMutex
	data map[string]string
	hits map[string]int
}

func inc(mu *sync.Mutex, m map[string]int, k string) {
	mu.Lock()
	defer mu.Unlock()
	m[k]++
}

var setupDone bool

func setup() { setupDone = true }

func (s *Store) Lookup(k string) (v string, found bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, found = s.data[k]
	if found {
		s.hits[k]++
	}
	return
}

func main() {
	var once sync.Once
	once.Do(setup)
	s := &Store{data: make(map[string]string, 8), hits: map[string]int{}}
	keys := []string{"a", "b", "c"}
	var mu sync.Mutex
	counts := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(len(keys))
	for _, k := range keys {
		go func(k string) {
			defer wg.Done()
			defer func() {
				inc(&mu, counts, k)
			}()
			s.mu.Lock()
			s.data[k] = strconv.Itoa(len(k))
			s.mu.Unlock()
		}(k)
	}
	wg.Wait()
	for _, k := range keys {
		if v, ok := s.Lookup(k); ok {
			fmt.Printf("%-3s %5s %d\n", k, v, counts[k])
		}
	}
	start := time.Duration(0)
	time.Sleep(2 * time.Millisecond)
	fmt.Println(setupDone, start)
}
