package crawler

import (
	"sync"
	"testing"
)

// Each worker calls wg.Add(1) itself: Wait can run before any Add and return at once, so the
// test reads the results while the workers still write them (WaitGroup misuse, a data race).
func TestCrawl(t *testing.T) {
	var wg sync.WaitGroup
	pages := make([]int, 2)
	for i := 0; i < 2; i++ {
		go func(i int) {
			wg.Add(1)
			defer wg.Done()
			pages[i] = i + 1
		}(i)
	}
	wg.Wait()
	if pages[0]+pages[1] != 3 {
		t.Errorf("pages = %v", pages)
	}
}

func TestCrawlFixed(t *testing.T) {
	var wg sync.WaitGroup
	pages := make([]int, 2)
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			pages[i] = i + 1
		}(i)
	}
	wg.Wait()
	if pages[0]+pages[1] != 3 {
		t.Errorf("pages = %v", pages)
	}
}
