package p

import (
	"fmt"
	"sync"
	"testing"
)

// Two goroutines increment a counter without a lock.
func TestCounter(t *testing.T) {
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n++
		}()
	}
	wg.Wait()
	fmt.Println("n =", n)
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 200: === RUN   TestCounter / n = 2 / testing.go:1319: race detected during execution of test / --- FAIL: TestCounter (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
