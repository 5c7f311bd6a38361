// A pasted service: an RWMutex store behind an interface, a context with a deadline, typed
// atomics, %w errors, a results channel closed after wg.Wait. The context's timer makes the
// program one that may sleep; the search covers every interleaving of its three workers.
package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Store interface {
	Get(key string) (int, bool)
	Set(key string, v int)
}

type memStore struct {
	mu   sync.RWMutex
	data map[string]int
}

func newMemStore() *memStore { return &memStore{data: make(map[string]int)} }

func (s *memStore) Get(key string) (int, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.data[key]
	return v, ok
}

func (s *memStore) Set(key string, v int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[key] = v
}

var errMissing = errors.New("missing")

type stats struct {
	hits   atomic.Int64
	misses atomic.Uint32
}

func work(ctx context.Context, st Store, s *stats, id int) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	default:
	}
	key := fmt.Sprintf("k%d", id%2)
	st.Set(key, id)
	if _, ok := st.Get(key); !ok {
		s.misses.Add(1)
		return fmt.Errorf("worker %d: %w", id, errMissing)
	}
	s.hits.Add(1)
	return nil
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	st := newMemStore()
	var s stats
	const workers = 3
	results := make(chan error, workers)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results <- work(ctx, st, &s, id)
		}(i)
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	failed := 0
	for err := range results {
		if errors.Is(err, errMissing) {
			failed++
		}
	}
	fmt.Println("hits", s.hits.Load(), "misses", s.misses.Load(), "failed", failed)
}
