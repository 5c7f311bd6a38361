package main

import (
	"os"
	"testing"
	"time"
)

// A file with a TestMain, two tests and an example with output: Go's generated
// `_testmain.go` calls `TestMain(m)` at line 53 (45, two per listed test or example, two for
// the `reflect` import a TestMain adds), and the created-at stack of a test's goroutine shows
// `testing.(*M).Run`, the file's `TestMain` and that `main.main`.

var total int

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func TestRacy(t *testing.T) {
	go func() { total++ }()
	time.Sleep(time.Millisecond)
	total++
}

func TestQuiet(t *testing.T) {}

func ExampleHello() {
	println()
	// Output:
}

func ExampleNoOutput() {
}
