package sub

import "testing"

// Subtests, nested subtests, a failing and a skipped one, and cleanups (last registered first,
// after the test), as `go test -v` prints them.
func TestOuter(t *testing.T) {
	t.Cleanup(func() { t.Log("cleanup 1") })
	t.Cleanup(func() { t.Log("cleanup 2") })
	t.Log("outer starts")
	t.Run("first", func(t *testing.T) {
		t.Log("in first", t.Name())
		t.Run("deep", func(t *testing.T) {
			t.Log("deep")
		})
	})
	ok := t.Run("second case", func(t *testing.T) {
		t.Error("second fails")
	})
	t.Log("second ok:", ok)
	t.Run("skipped", func(t *testing.T) {
		t.Skip("not now")
	})
}

func TestFatalSubtest(t *testing.T) {
	t.Run("fatal", func(t *testing.T) {
		t.Cleanup(func() { t.Log("sub cleanup runs after FailNow") })
		t.Fatal("stop here")
		t.Log("not reached")
	})
	t.Log("parent goes on")
}

func TestAfter(t *testing.T) {
	t.Log("after")
}
