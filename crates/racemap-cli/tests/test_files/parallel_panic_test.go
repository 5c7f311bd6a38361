// racemap: --seed 6
package p
import "testing"

// A parallel subtest panics while its sibling runs: Go reports the test and its parent
// once, on the panicking goroutine, and the parent never completes.
func TestParent(t *testing.T) {
	t.Run("passes", func(t *testing.T) {
		t.Parallel()
		t.Log("still running")
	})
	t.Run("panics", func(t *testing.T) {
		t.Parallel()
		panic("boom")
	})
}
