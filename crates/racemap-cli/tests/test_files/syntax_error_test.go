package p

import "testing"

// go test parses a test file before it builds it: a syntax error fails the setup.
func TestCount(t *testing.T) {
	n := 
}

func TestOther(t *testing.T) {}
