package p

import (
	"fmt"
	"sync"
	"testing"
)

// Goroutines write a map under a mutex; the test reads it after Wait; a flag is racy.
func TestFlag(t *testing.T) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	m := map[int]int{}
	ready := false
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			m[i] = i
			mu.Unlock()
			if i == 2 {
				ready = true
			}
		}(i)
	}
	fmt.Println("ready", ready)
	wg.Wait()
	fmt.Println("len", len(m))
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 191: === RUN   TestFlag / ready false / len 3 / testing.go:1319: race detected during execution of test / --- FAIL: TestFlag (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
// go 9: === RUN   TestFlag / ready true / len 3 / testing.go:1319: race detected during execution of test / --- FAIL: TestFlag (0.00s) / === CONT / testing.go:1319: race detected during execution of test / FAIL |rc=1 races=1
