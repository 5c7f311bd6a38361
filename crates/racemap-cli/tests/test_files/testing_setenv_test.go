// t.Setenv sets a variable for the test and restores it in a cleanup (after the cleanups
// registered later, before those registered earlier); os.Setenv, Getenv and LookupEnv see it.
// t.Setenv panics in a parallel test, and t.Parallel after t.Setenv.
package main

import (
	"os"
	"testing"
)

func TestEnv(t *testing.T) {
	t.Setenv("RM_FOO", "bar")
	t.Log(os.Getenv("RM_FOO"))
	v, ok := os.LookupEnv("RM_FOO")
	t.Log(v, ok)
	d := t.TempDir()
	t.Log(len(d) > 0)
	_, ok = t.Deadline()
	t.Log(ok)
	os.Setenv("RM_X", "1")
	t.Log(os.Getenv("RM_X"))
}

func TestPar(t *testing.T) {
	t.Parallel()
	t.Setenv("RM_FOO", "baz")
}

func TestAfter(t *testing.T) {
	v, ok := os.LookupEnv("RM_FOO")
	t.Log(v, ok, os.Getenv("RM_X"))
	t.Setenv("RM_X", "2")
	t.Setenv("RM_X", "3")
	t.Cleanup(func() { t.Log("cleanup sees", os.Getenv("RM_X")) })
	t.Run("sub", func(t *testing.T) {
		t.Setenv("RM_X", "4")
		t.Log(os.Getenv("RM_X"))
	})
	t.Log(os.Getenv("RM_X"), os.Setenv("", "x"), os.Setenv("A=B", "x"), os.Unsetenv("NOPE"))
}

func TestLast(t *testing.T) {
	t.Log(os.Getenv("RM_X"))
	t.Setenv("P", "1")
	t.Parallel()
}
