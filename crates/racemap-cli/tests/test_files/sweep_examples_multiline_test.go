package main

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func helper(tb testing.TB, msg string) {
	tb.Helper()
	tb.Logf("multi\nline %s", msg)
}

func TestMultiline(t *testing.T) {
	helper(t, "x")
	t.Error("first\nsecond")
	t.Log(strings.Repeat("=", 3))
	fmt.Fprintln(os.Stderr, "to stderr")
	fmt.Println("to stdout")
}

func ExampleUnordered() {
	for _, s := range []string{"b", "a"} {
		fmt.Println(s)
	}
	// Unordered output:
	// a
	// b
}

func ExampleWrong() {
	fmt.Println("got this")
	// Output:
	// want that
}

func ExampleNoOutput() {
	fmt.Println("not checked")
}
