package stats

import (
	"sync"
	"testing"
)

// The writer locks, but the reader reads the map without the lock ("reads are safe"): a data
// race between the reader and the writer.
type Stats struct {
	mu   sync.RWMutex
	hits map[string]int
}

func (s *Stats) Hit(k string) {
	s.mu.Lock()
	s.hits[k]++
	s.mu.Unlock()
}

func (s *Stats) Get(k string) int { return s.hits[k] }

func (s *Stats) GetFixed(k string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.hits[k]
}

func TestStats(t *testing.T) {
	s := &Stats{hits: map[string]int{}}
	done := make(chan bool)
	go func() {
		s.Hit("a")
		done <- true
	}()
	s.Get("a")
	<-done
}

func TestStatsFixed(t *testing.T) {
	s := &Stats{hits: map[string]int{}}
	done := make(chan bool)
	go func() {
		s.Hit("a")
		done <- true
	}()
	s.GetFixed("a")
	<-done
}
