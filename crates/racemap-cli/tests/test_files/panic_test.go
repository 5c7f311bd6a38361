package store

import "testing"

func TestFirst(t *testing.T) {
	t.Log("first runs")
}

func TestPanics(t *testing.T) {
	var m map[string]int
	t.Log("about to write")
	m["a"] = 1
}

func TestNeverRuns(t *testing.T) {
	t.Log("unreachable")
}
