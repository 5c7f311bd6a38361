package main

import "testing"

func check(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		t.Log("in subtest")
	})
	t.Setenv("HOME", "/tmp")
	_ = t.TempDir()
}

func main() {
	_ = check
}
