package par

import "testing"

// A parallel subtest pauses until its parent's body is done, and the parent's cleanup waits
// for it, as `go test -v` prints.
func TestGroup(t *testing.T) {
	t.Cleanup(func() { t.Log("group cleanup") })
	ok := t.Run("slow", func(t *testing.T) {
		t.Parallel()
		t.Log("slow runs after the body")
	})
	t.Log("Run returned", ok)
	t.Run("quick", func(t *testing.T) {
		t.Log("quick runs now")
	})
	t.Log("body done")
}
