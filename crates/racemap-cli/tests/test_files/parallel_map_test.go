package registry

import (
	"sync"
	"testing"
)

// Table-driven parallel subtests register their names in one map: the subtests run at the
// same time once the parent's loop is done, and their writes race.
var seen = map[string]bool{}
var mu sync.Mutex

func TestRegister(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			seen[name] = true
		})
	}
}

func TestRegisterFixed(t *testing.T) {
	for _, name := range []string{"c", "d"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mu.Lock()
			seen[name] = true
			mu.Unlock()
		})
	}
}
