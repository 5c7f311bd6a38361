package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu    sync.Mutex
	calls map[string]int
}

func (s *Stats) Record(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.calls == nil {
		s.calls = make(map[string]int)
	}
	s.calls[name]++
}

func (s *Stats) Snapshot() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.calls))
	for k, v := range s.calls {
		out[k] = v
	}
	return out
}

func main() {
	var s Stats
	var wg sync.WaitGroup
	for _, n := range []string{"get", "put", "get"} {
		wg.Add(1)
		go func(n string) {
			defer wg.Done()
			s.Record(n)
		}(n)
	}
	wg.Wait()
	snap := s.Snapshot()
	snap["get"] = 100
	fmt.Println(s.Snapshot(), snap)
	if s.mu.TryLock() {
		fmt.Println("locked")
		fmt.Println(s.mu.TryLock())
		s.mu.Unlock()
	}
}
