package p

import (
	"fmt"
	"testing"
)

// Parallel subtests share a variable without a lock: a race between them.
func TestShared(t *testing.T) {
	total := 0
	for _, d := range []int{1, 2} {
		d := d
		t.Run(fmt.Sprint("add", d), func(t *testing.T) {
			t.Parallel()
			total += d
		})
	}
	t.Cleanup(func() { fmt.Println("cleanup") })
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 84: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add2 / === CONT  TestShared/add1 / cleanup / --- PASS: TestShared (0.00s) / --- PASS: TestShared/add2 (0.00s) / --- PASS: TestShared/add1 (0.00s) / PASS |rc=0 races=0
// go 76: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add1 / === CONT  TestShared/add2 / cleanup / --- PASS: TestShared (0.00s) / --- PASS: TestShared/add1 (0.00s) / --- PASS: TestShared/add2 (0.00s) / PASS |rc=0 races=0
// go 16: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add2 / === CONT  TestShared/add1 / testing.go:1319: race detected during execution of test / cleanup / --- FAIL: TestShared (0.00s) / --- PASS: TestShared/add2 (0.00s) / --- FAIL: TestShared/add1 (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
// go 11: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add1 / === CONT  TestShared/add2 / testing.go:1319: race detected during execution of test / cleanup / --- FAIL: TestShared (0.00s) / --- PASS: TestShared/add1 (0.00s) / --- FAIL: TestShared/add2 (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
// go 4: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add1 / === CONT  TestShared/add2 / cleanup / --- PASS: TestShared (0.00s) / --- PASS: TestShared/add2 (0.00s) / --- PASS: TestShared/add1 (0.00s) / PASS |rc=0 races=0
// go 4: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add2 / === CONT  TestShared/add1 / cleanup / --- PASS: TestShared (0.00s) / --- PASS: TestShared/add1 (0.00s) / --- PASS: TestShared/add2 (0.00s) / PASS |rc=0 races=0
// go 2: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add2 / === CONT  TestShared/add1 / === CONT  TestShared/add2 / testing.go:1319: race detected during execution of test / cleanup / --- FAIL: TestShared (0.00s) / --- PASS: TestShared/add1 (0.00s) / --- FAIL: TestShared/add2 (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
// go 1: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add1 / === CONT  TestShared/add2 / testing.go:1319: race detected during execution of test / cleanup / --- FAIL: TestShared (0.00s) / --- FAIL: TestShared/add1 (0.00s) / --- FAIL: TestShared/add2 (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
// go 1: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add2 / === CONT  TestShared/add1 / === CONT  TestShared/add2 / testing.go:1319: race detected during execution of test / === CONT  TestShared/add1 / testing.go:1319: race detected during execution of test / cleanup / --- FAIL: TestShared (0.00s) / --- FAIL: TestShared/add2 (0.00s) / --- FAIL: TestShared/add1 (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
// go 1: === RUN   TestShared / === RUN   TestShared/add1 / === PAUSE TestShared/add1 / === RUN   TestShared/add2 / === PAUSE TestShared/add2 / === CONT  TestShared/add1 / === CONT  TestShared/add2 / === CONT  TestShared/add1 / testing.go:1319: race detected during execution of test / === CONT  TestShared/add2 / testing.go:1319: race detected during execution of test / cleanup / --- FAIL: TestShared (0.00s) / --- FAIL: TestShared/add1 (0.00s) / --- FAIL: TestShared/add2 (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
