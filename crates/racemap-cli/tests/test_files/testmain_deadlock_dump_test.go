package main

import (
	"os"
	"testing"
)

// A test that blocks forever under a TestMain. racemap reports the deadlock; the main
// goroutine's frames below `testing.runTests` are Go's: `testing.(*M).Run`, the file's
// `TestMain`, then `main.main` at `_testmain.go:49` (45, two for the one test, two for the
// `reflect` import a TestMain adds).

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

func TestStuck(t *testing.T) {
	ch := make(chan int)
	<-ch
}
