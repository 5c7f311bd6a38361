package toppar

import "testing"

// A top-level parallel test pauses until the sequential tests are done, then goes on.
func TestA(t *testing.T) {
	t.Parallel()
	t.Log("a runs after b and c")
}

func TestB(t *testing.T) {
	t.Log("b runs")
}

func TestC(t *testing.T) {
	t.Log("c runs")
}
