package sessions

import (
	"sync"
	"testing"
)

// Two requests record their session in a plain map at the same time: a data race on the map.
func TestSessions(t *testing.T) {
	sessions := map[string]int{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		sessions["alice"] = 1
	}()
	go func() {
		defer wg.Done()
		sessions["bob"] = 2
	}()
	wg.Wait()
	if len(sessions) != 2 {
		t.Errorf("len = %d", len(sessions))
	}
}

func TestSessionsFixed(t *testing.T) {
	sessions := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		mu.Lock()
		sessions["alice"] = 1
		mu.Unlock()
	}()
	go func() {
		defer wg.Done()
		mu.Lock()
		sessions["bob"] = 2
		mu.Unlock()
	}()
	wg.Wait()
	if len(sessions) != 2 {
		t.Errorf("len = %d", len(sessions))
	}
}
