package order

import "testing"

// A parallel top-level test pauses at t.Parallel() until every sequential test is done: it
// sees what they stored.
var order []string

func TestSeqA(t *testing.T) {
	order = append(order, "A")
	t.Log("a")
}

func TestParB(t *testing.T) {
	t.Parallel()
	order = append(order, "B")
	t.Log(order)
}

func TestSeqC(t *testing.T) {
	order = append(order, "C")
	t.Log("c")
}
