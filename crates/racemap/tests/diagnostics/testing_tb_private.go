package main

import "testing"

// testing.TB's unexported method is not the program's to call; Setenv through it is fine.
func f(t *testing.T, b *testing.B) {
	t.private()
	var tb testing.TB = t
	tb.private()
	b.private()
	tb.Setenv("K", "v")
	t.Setenv("K", "v")
	tb = b
	_ = tb
}

func main() {}
