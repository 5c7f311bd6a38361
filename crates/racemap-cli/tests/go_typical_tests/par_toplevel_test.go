package p

import (
	"fmt"
	"testing"
)

// Three parallel top-level tests and one sequential one.
func TestA(t *testing.T) {
	t.Parallel()
	fmt.Println("A")
}

func TestB(t *testing.T) {
	t.Parallel()
	fmt.Println("B")
}

func TestC(t *testing.T) {
	fmt.Println("C")
}

func TestD(t *testing.T) {
	t.Parallel()
	fmt.Println("D")
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 49: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestB / B / --- PASS: TestB (0.00s) / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 44: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / --- PASS: TestA (0.00s) / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestB / B / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 38: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestB / B / --- PASS: TestB (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 17: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / --- PASS: TestA (0.00s) / === CONT  TestB / B / --- PASS: TestB (0.00s) / === CONT  TestD / D / --- PASS: TestD (0.00s) / PASS |rc=0 races=0
// go 6: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestA / A / === CONT  TestB / B / --- PASS: TestB (0.00s) / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 4: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestB / B / --- PASS: TestB (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / === CONT  TestD / D / --- PASS: TestD (0.00s) / PASS |rc=0 races=0
// go 4: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestB / B / === CONT  TestA / A / --- PASS: TestA (0.00s) / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 4: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / === CONT  TestB / B / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 4: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / === CONT  TestB / B / --- PASS: TestB (0.00s) / === CONT  TestD / D / --- PASS: TestD (0.00s) / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 3: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestB / B / --- PASS: TestA (0.00s) / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 3: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / === CONT  TestD / D / --- PASS: TestA (0.00s) / --- PASS: TestD (0.00s) / === CONT  TestB / B / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 2: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestB / B / === CONT  TestD / D / --- PASS: TestB (0.00s) / === CONT  TestA / A / --- PASS: TestD (0.00s) / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 2: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestB / B / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 2: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / === CONT  TestD / D / --- PASS: TestD (0.00s) / --- PASS: TestA (0.00s) / === CONT  TestB / B / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 2: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / --- PASS: TestA (0.00s) / === CONT  TestB / B / === CONT  TestD / D / --- PASS: TestB (0.00s) / --- PASS: TestD (0.00s) / PASS |rc=0 races=0
// go 2: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / === CONT  TestB / B / --- PASS: TestB (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / --- PASS: TestD (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / === CONT  TestB / B / --- PASS: TestD (0.00s) / === CONT  TestA / A / --- PASS: TestB (0.00s) / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / --- PASS: TestA (0.00s) / === CONT  TestB / B / === CONT  TestD / D / --- PASS: TestD (0.00s) / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / === CONT  TestB / === CONT  TestA / B / A / --- PASS: TestD (0.00s) / --- PASS: TestA (0.00s) / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestB / B / === CONT  TestD / D / --- PASS: TestB (0.00s) / --- PASS: TestD (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestB / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / B / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / === CONT  TestD / === CONT  TestB / B / D / --- PASS: TestA (0.00s) / --- PASS: TestB (0.00s) / --- PASS: TestD (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / === CONT  TestB / B / --- PASS: TestB (0.00s) / === CONT  TestD / D / --- PASS: TestD (0.00s) / A / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / === CONT  TestB / B / --- PASS: TestA (0.00s) / === CONT  TestD / D / --- PASS: TestB (0.00s) / --- PASS: TestD (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / --- PASS: TestA (0.00s) / === CONT  TestD / D / === CONT  TestB / B / --- PASS: TestD (0.00s) / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / === CONT  TestB / B / --- PASS: TestB (0.00s) / --- PASS: TestD (0.00s) / === CONT  TestA / A / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / === CONT  TestA / A / --- PASS: TestD (0.00s) / === CONT  TestB / B / --- PASS: TestA (0.00s) / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestA / A / === CONT  TestB / B / --- PASS: TestA (0.00s) / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestA / A / === CONT  TestD / D / --- PASS: TestD (0.00s) / === CONT  TestB / B / --- PASS: TestB (0.00s) / --- PASS: TestA (0.00s) / PASS |rc=0 races=0
// go 1: === RUN   TestA / === PAUSE TestA / === RUN   TestB / === PAUSE TestB / === RUN   TestC / C / --- PASS: TestC (0.00s) / === RUN   TestD / === PAUSE TestD / === CONT  TestB / === CONT  TestA / A / --- PASS: TestA (0.00s) / === CONT  TestD / D / --- PASS: TestD (0.00s) / B / --- PASS: TestB (0.00s) / PASS |rc=0 races=0
// known divergence: the model lets two released parallel tests overlap (the idle P wakes and steals one within a print of the other), so their === CONT lines and output interleave, where Go on the 2-CPU machine ran them one after the other in nearly every run
