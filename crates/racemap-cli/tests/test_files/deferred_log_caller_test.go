package main

import "testing"

// check is a helper: its logs name the line of its caller.
func check(t *testing.T, what string) {
	t.Helper()
	t.Log("check", what)
}

func early(t *testing.T, stop bool) int {
	defer check(t, "early")
	if stop {
		return 1
	}
	return 2
}

func TestDeferredHelper(t *testing.T) {
	defer check(t, "at return")
	defer t.Log("direct")
	t.Log("body", early(t, true), early(t, false))
}

func TestDeferredAfterFatal(t *testing.T) {
	defer check(t, "after FailNow")
	defer t.Log("direct after FailNow")
	defer func() { t.Log("closure after FailNow") }()
	t.Fatal("stop")
}

func TestDeferredAfterSkip(t *testing.T) {
	defer check(t, "after SkipNow")
	t.Skip("skipped")
}

func boom() {
	panic("boom")
}

func TestDeferredInPanic(t *testing.T) {
	defer func() {
		t.Log("recovered", recover())
	}()
	defer check(t, "in panic")
	defer t.Log("direct in panic")
	boom()
}
