package leak

import "testing"

var counter int

func TestLeaves(t *testing.T) {
	go func() {
		counter++
	}()
}

func TestAfter(t *testing.T) {
	counter++
	t.Log("counter written")
}
