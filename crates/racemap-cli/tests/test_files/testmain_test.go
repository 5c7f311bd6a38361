package cache

import (
	"fmt"
	"testing"
)

// registry is filled once by TestMain, before any test runs; TestMain returns without
// os.Exit, and the binary exits with m.Run's code.
var registry map[string]int

func TestMain(m *testing.M) {
	registry = map[string]int{"a": 1, "b": 2}
	fmt.Println("setup:", len(registry), "entries")
	if code := m.Run(); code != 0 {
		fmt.Println("tests failed:", code)
		return
	}
	fmt.Println("teardown")
}

func TestLookup(t *testing.T) {
	if registry["a"] != 1 {
		t.Fatal("setup did not run")
	}
	t.Log("found a")
}

func TestSub(t *testing.T) {
	for _, k := range []string{"a", "b"} {
		k := k
		t.Run(k, func(t *testing.T) {
			t.Logf("%s=%d", k, registry[k])
		})
	}
}
