package pool

import (
	"sync"
	"testing"
)

// get initializes the shared pool on first use with check-then-act and no lock: two first
// callers race on the pool variable (and may build it twice).
type Pool struct{ size int }

var pool *Pool

func get() *Pool {
	if pool == nil {
		pool = &Pool{size: 4}
	}
	return pool
}

func TestGet(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			get()
		}()
	}
	wg.Wait()
	pool = nil
}

var poolFixed *Pool
var poolOnce sync.Once

func getFixed() *Pool {
	poolOnce.Do(func() { poolFixed = &Pool{size: 4} })
	return poolFixed
}

func TestGetFixed(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			getFixed()
		}()
	}
	wg.Wait()
}
