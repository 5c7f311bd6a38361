// racemap: --seed 6
package hits

import "testing"

// Two top-level tests that call t.Parallel() run at the same time once every sequential
// test is done (go test runs all tests in one process): their writes of hits race.
var hits int

func TestOne(t *testing.T) {
	t.Parallel()
	hits++
}

func TestTwo(t *testing.T) {
	t.Parallel()
	hits++
}
