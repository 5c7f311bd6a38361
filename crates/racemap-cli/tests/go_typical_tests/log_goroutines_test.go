package p

import (
	"sync"
	"testing"
)

// Goroutines log through t.Log while the test waits for them; a mutex-guarded counter.
func TestLog(t *testing.T) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			count++
			c := count
			mu.Unlock()
			t.Log("worker", i, "count", c)
		}(i)
	}
	wg.Wait()
	t.Log("total", count)
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 103: === RUN   TestLog / log_goroutines_test.go:21: worker 1 count 1 / log_goroutines_test.go:21: worker 2 count 2 / log_goroutines_test.go:25: total 2 / --- PASS: TestLog (0.00s) / PASS |rc=0 races=0
// go 72: === RUN   TestLog / log_goroutines_test.go:21: worker 2 count 1 / log_goroutines_test.go:21: worker 1 count 2 / log_goroutines_test.go:25: total 2 / --- PASS: TestLog (0.00s) / PASS |rc=0 races=0
// go 18: === RUN   TestLog / log_goroutines_test.go:21: worker 2 count 2 / log_goroutines_test.go:21: worker 1 count 1 / log_goroutines_test.go:25: total 2 / --- PASS: TestLog (0.00s) / PASS |rc=0 races=0
// go 7: === RUN   TestLog / log_goroutines_test.go:21: worker 1 count 2 / log_goroutines_test.go:21: worker 2 count 1 / log_goroutines_test.go:25: total 2 / --- PASS: TestLog (0.00s) / PASS |rc=0 races=0
