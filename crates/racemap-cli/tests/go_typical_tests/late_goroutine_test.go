package p

import (
	"fmt"
	"testing"
)

// A subtest starts a goroutine it does not wait for; the next subtest runs beside it.
func TestLate(t *testing.T) {
	t.Run("first", func(t *testing.T) {
		go func() {
			fmt.Println("late")
		}()
		fmt.Println("first")
	})
	t.Run("second", func(t *testing.T) {
		fmt.Println("second")
	})
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 112: === RUN   TestLate / === RUN   TestLate/first / first / late / === RUN   TestLate/second / second / --- PASS: TestLate (0.00s) / --- PASS: TestLate/first (0.00s) / --- PASS: TestLate/second (0.00s) / PASS |rc=0 races=0
// go 45: === RUN   TestLate / === RUN   TestLate/first / first / === RUN   TestLate/second / late / second / --- PASS: TestLate (0.00s) / --- PASS: TestLate/first (0.00s) / --- PASS: TestLate/second (0.00s) / PASS |rc=0 races=0
// go 17: === RUN   TestLate / === RUN   TestLate/first / late / first / === RUN   TestLate/second / second / --- PASS: TestLate (0.00s) / --- PASS: TestLate/first (0.00s) / --- PASS: TestLate/second (0.00s) / PASS |rc=0 races=0
// go 12: === RUN   TestLate / === RUN   TestLate/first / first / === RUN   TestLate/second / second / late / --- PASS: TestLate (0.00s) / --- PASS: TestLate/first (0.00s) / --- PASS: TestLate/second (0.00s) / PASS |rc=0 races=0
// go 10: === RUN   TestLate / === RUN   TestLate/first / first / === RUN   TestLate/second / second / --- PASS: TestLate (0.00s) / --- PASS: TestLate/first (0.00s) / --- PASS: TestLate/second (0.00s) / late / PASS |rc=0 races=0
// go 4: === RUN   TestLate / === RUN   TestLate/first / first / === RUN   TestLate/second / second / --- PASS: TestLate (0.00s) / --- PASS: TestLate/first (0.00s) / --- PASS: TestLate/second (0.00s) / PASS / late |rc=0 races=0
