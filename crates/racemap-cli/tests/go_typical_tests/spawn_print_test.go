package p

import (
	"fmt"
	"sync"
	"testing"
)

// Three goroutines print with a WaitGroup: who prints first.
func TestSpawn(t *testing.T) {
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fmt.Println("goroutine", i)
		}(i)
	}
	wg.Wait()
	fmt.Println("done")
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 57: === RUN   TestSpawn / goroutine 1 / goroutine 2 / goroutine 3 / done / --- PASS: TestSpawn (0.00s) / PASS |rc=0 races=0
// go 55: === RUN   TestSpawn / goroutine 3 / goroutine 1 / goroutine 2 / done / --- PASS: TestSpawn (0.00s) / PASS |rc=0 races=0
// go 36: === RUN   TestSpawn / goroutine 2 / goroutine 1 / goroutine 3 / done / --- PASS: TestSpawn (0.00s) / PASS |rc=0 races=0
// go 25: === RUN   TestSpawn / goroutine 3 / goroutine 2 / goroutine 1 / done / --- PASS: TestSpawn (0.00s) / PASS |rc=0 races=0
// go 14: === RUN   TestSpawn / goroutine 2 / goroutine 3 / goroutine 1 / done / --- PASS: TestSpawn (0.00s) / PASS |rc=0 races=0
// go 13: === RUN   TestSpawn / goroutine 1 / goroutine 3 / goroutine 2 / done / --- PASS: TestSpawn (0.00s) / PASS |rc=0 races=0
