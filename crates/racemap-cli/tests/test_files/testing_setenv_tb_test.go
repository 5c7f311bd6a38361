package main

import (
	"os"
	"testing"
)

// withEnv sets a variable through testing.TB (the method found by dynamic dispatch).
func withEnv(tb testing.TB, k, v string) {
	tb.Helper()
	tb.Setenv(k, v)
}

func TestThroughTBAndValue(t *testing.T) {
	withEnv(t, "A", "1")
	f := t.Setenv // a method value bound to t
	f("B", "2")
	t.Log(os.Getenv("A"), os.Getenv("B"))
	t.Run("inner", func(t *testing.T) {
		var tb testing.TB = t
		tb.Setenv("A", "3")
		t.Log(os.Getenv("A"))
	})
	t.Log(os.Getenv("A")) // the subtest's cleanup restored "1"
}

func TestRestoredThenParallel(t *testing.T) {
	_, ok := os.LookupEnv("A")
	t.Log(ok, os.Getenv("B"))
	setter := t.Setenv
	t.Parallel()
	setter("C", "x") // panics: Setenv after Parallel
}
