package jobs

import (
	"context"
	"sync"
	"testing"
)

// Workers count the jobs they finish until the context is canceled; the count is a plain
// int shared by all workers.
type Stats struct {
	mu   sync.Mutex
	done int
}

func work(ctx context.Context, jobs <-chan int, s *Stats, locked bool, wg *sync.WaitGroup) {
	defer wg.Done()
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-jobs:
			if !ok {
				return
			}
			if locked {
				s.mu.Lock()
			}
			s.done++
			if locked {
				s.mu.Unlock()
			}
		}
	}
}

func run(t *testing.T, locked bool) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	jobs := make(chan int)
	s := &Stats{}
	var wg sync.WaitGroup
	wg.Add(2)
	go work(ctx, jobs, s, locked, &wg)
	go work(ctx, jobs, s, locked, &wg)
	jobs <- 1
	jobs <- 2
	close(jobs)
	wg.Wait()
	if s.done != 2 {
		t.Errorf("done = %d", s.done)
	}
}

func TestWorkers(t *testing.T)      { run(t, false) }
func TestWorkersFixed(t *testing.T) { run(t, true) }
