package cache

import "testing"

func checkEqual(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("got %d, want %d", got, want)
	}
}

func TestPass(t *testing.T) {
	t.Log("starting", t.Name())
	checkEqual(t, 2, 2)
	t.Logf("done %d", 1)
}

func TestFail(t *testing.T) {
	checkEqual(t, 1, 2)
	t.Error("second", "error")
	if t.Failed() {
		t.Log("failed so far\nsecond line")
	}
	t.Fatal("fatal now")
	t.Log("after fatal")
}

func TestSkip(t *testing.T) {
	t.Skip("not today")
}

func TestDeferredAfterFailNow(t *testing.T) {
	defer func() {
		t.Log("deferred log runs")
	}()
	t.FailNow()
}
