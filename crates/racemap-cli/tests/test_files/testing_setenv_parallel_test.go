// t.Setenv in a parallel test panics (Go's testing.(*T).Setenv checks isParallel).
package main

import (
	"os"
	"testing"
)

func TestSeq(t *testing.T) {
	t.Setenv("K", "seq")
	t.Log(os.Getenv("K"))
}

func TestPar(t *testing.T) {
	t.Parallel()
	t.Log("before:", os.Getenv("K") == "")
	t.Setenv("K", "par")
}
