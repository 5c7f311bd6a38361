package inventory

import (
	"sync"
	"testing"
)

// Add has a value receiver: each call locks its own copy of the mutex, so the lock protects
// nothing, and the map (shared by the copies) is written concurrently.
type Inventory struct {
	mu    sync.Mutex
	items map[string]int
}

func (inv Inventory) Add(k string) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.items[k]++
}

func (inv *Inventory) AddFixed(k string) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.items[k]++
}

func TestAdd(t *testing.T) {
	inv := &Inventory{items: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			inv.Add("apple")
		}()
	}
	wg.Wait()
}

func TestAddFixed(t *testing.T) {
	inv := &Inventory{items: map[string]int{}}
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			inv.AddFixed("apple")
		}()
	}
	wg.Wait()
	if inv.items["apple"] != 2 {
		t.Errorf("apples = %d", inv.items["apple"])
	}
}
