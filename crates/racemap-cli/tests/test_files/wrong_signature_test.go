package p

import "testing"

// go test checks the test functions' signatures before it builds: the file does not run.
func TestFine(t *testing.T) {
	t.Log("never runs")
}

func TestCache(b *testing.B) {
	b.Log("wrong type")
}

func BenchmarkCache(b *testing.T) {}
