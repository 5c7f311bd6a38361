package main

import "testing"

func check(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		t.Parallel()
		t.Log("in subtest")
	})
	t.Setenv("HOME", "/tmp")
}

func main() {
	_ = check
}
