package dup

import "testing"

// racyInc's goroutine and its caller both write n without synchronization.
func racyInc() int {
	n := 0
	done := make(chan bool)
	go func() {
		n++
		done <- true
	}()
	n++
	<-done
	return n
}

func TestFirst(t *testing.T) {
	racyInc()
}

func TestSecond(t *testing.T) {
	racyInc()
}

func TestThird(t *testing.T) {
	t.Log("third")
}
