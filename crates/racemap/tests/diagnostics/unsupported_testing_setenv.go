package main

import "testing"

func check(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		t.Log("in subtest")
	})
	t.Setenv("HOME", "/tmp")
	set := t.Setenv
	var tb testing.TB = t
	tb.Setenv("HOME", "/")
	_, _ = t.TempDir(), set
}

func main() {
	_ = check
}
