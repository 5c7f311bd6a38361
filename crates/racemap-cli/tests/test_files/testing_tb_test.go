package main

import (
	"strings"
	"testing"
	"time"
)

// check is a helper taking testing.TB: called with a *testing.T and a *testing.B; its
// t.Helper() makes the failure's line the caller's.
func check(tb testing.TB, got, want int) {
	tb.Helper()
	if got != want {
		tb.Errorf("got %d, want %d", got, want)
	}
}

func logName(tb testing.TB) {
	tb.Helper()
	tb.Log("name:", tb.Name())
}

func TestHelper(t *testing.T) {
	check(t, 1, 2)
	logName(t)
	t.Log("verbose:", testing.Verbose())
}

func TestTempDirAndDeadline(t *testing.T) {
	d, d2 := t.TempDir(), t.TempDir()
	t.Log(strings.HasPrefix(d, "/tmp/TestTempDirAndDeadline"), strings.HasSuffix(d, "/001"))
	t.Log(strings.HasSuffix(d2, "/002"), strings.TrimSuffix(d, "001") == strings.TrimSuffix(d2, "002"))
	deadline, ok := t.Deadline()
	t.Log(ok, time.Until(deadline) > 9*time.Minute, time.Until(deadline) <= 10*time.Minute)
	t.Run("a/b c", func(t *testing.T) {
		var tb testing.TB = t
		tb.Cleanup(func() { tb.Log("cleanup") })
		tb.Log(strings.HasPrefix(tb.TempDir(), "/tmp/TestTempDirAndDeadlineab_c"))
		tb.Fatal("fatal")
	})
}

func BenchmarkCheck(b *testing.B) {
	for i := 0; i < b.N; i++ {
		check(b, 1, 1)
	}
}
