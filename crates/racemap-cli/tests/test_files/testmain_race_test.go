package cache

import (
	"fmt"
	"os"
	"sync"
	"testing"
)

// hits is shared by the tests; TestMain resets it before they run and reports it after.
var hits int

var mu sync.Mutex

func TestMain(m *testing.M) {
	hits = 0
	fmt.Println("setup")
	code := m.Run()
	fmt.Println("teardown: exit code", code)
	os.Exit(code)
}

// TestCount counts from two goroutines without a lock: a data race on hits.
func TestCount(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hits++
		}()
	}
	wg.Wait()
}

// TestCountFixed holds mu around the increment.
func TestCountFixed(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			hits++
			mu.Unlock()
		}()
	}
	wg.Wait()
}
