package upload

import (
	"sync"
	"testing"
)

// The loop copies each part into one variable declared outside the loop, and every
// goroutine's closure captures that one variable: the goroutines read it while the loop
// writes the next part (the loop-closure capture bug, in a form every Go version has).
func TestUpload(t *testing.T) {
	parts := []int{1, 2}
	var sent [2]int
	var part int
	var wg sync.WaitGroup
	for i, p := range parts {
		part = p
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sent[i] = part
		}(i)
	}
	wg.Wait()
}

// The fix passes the part as an argument: each goroutine gets its own copy.
func TestUploadFixed(t *testing.T) {
	parts := []int{1, 2}
	var sent [2]int
	var wg sync.WaitGroup
	for i, p := range parts {
		wg.Add(1)
		go func(i, part int) {
			defer wg.Done()
			sent[i] = part
		}(i, p)
	}
	wg.Wait()
	if sent != [2]int{1, 2} {
		t.Errorf("sent = %v", sent)
	}
}
