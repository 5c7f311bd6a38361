package carry

import "testing"

var stored map[string]int

func TestStore(t *testing.T) {
	stored = map[string]int{"a": 1}
	t.Log("stored", len(stored))
}

func TestLoad(t *testing.T) {
	if stored["a"] != 1 {
		t.Fatalf("stored = %v", stored)
	}
	t.Log("loaded", stored["a"])
}
