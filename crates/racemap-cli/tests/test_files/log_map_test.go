// racemap: --seed 1
package logmap

import (
	"sync"
	"testing"
)

// t.Logf formats the map when it logs (fmt reads it through reflect) while the goroutine
// writes it: a data race, and, logged in the middle of the write, a fatal error.
func TestLog(t *testing.T) {
	m := map[int]int{}
	done := make(chan bool)
	go func() {
		m[1] = 1
		done <- true
	}()
	t.Logf("m = %v", m)
	<-done
}

func TestLogFixed(t *testing.T) {
	var mu sync.Mutex
	m := map[int]int{}
	done := make(chan bool)
	go func() {
		mu.Lock()
		m[1] = 1
		mu.Unlock()
		done <- true
	}()
	mu.Lock()
	t.Logf("m = %v", m)
	mu.Unlock()
	<-done
}
