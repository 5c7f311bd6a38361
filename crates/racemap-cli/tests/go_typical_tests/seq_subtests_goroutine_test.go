package p

import (
	"fmt"
	"sync"
	"testing"
)

// Sequential subtests, each waiting for a goroutine it starts; then a goroutine of the parent
// prints beside a subtest.
func TestSeq(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("background")
	}()
	for _, name := range []string{"x", "y"} {
		name := name
		t.Run(name, func(t *testing.T) {
			done := make(chan bool)
			go func() {
				fmt.Println("inner", name)
				done <- true
			}()
			<-done
			fmt.Println("sub", name)
		})
	}
	wg.Wait()
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 100: === RUN   TestSeq / === RUN   TestSeq/x / background / inner x / sub x / === RUN   TestSeq/y / inner y / sub y / --- PASS: TestSeq (0.00s) / --- PASS: TestSeq/x (0.00s) / --- PASS: TestSeq/y (0.00s) / PASS |rc=0 races=0
// go 43: === RUN   TestSeq / background / === RUN   TestSeq/x / inner x / sub x / === RUN   TestSeq/y / inner y / sub y / --- PASS: TestSeq (0.00s) / --- PASS: TestSeq/x (0.00s) / --- PASS: TestSeq/y (0.00s) / PASS |rc=0 races=0
// go 31: === RUN   TestSeq / === RUN   TestSeq/x / inner x / sub x / background / === RUN   TestSeq/y / inner y / sub y / --- PASS: TestSeq (0.00s) / --- PASS: TestSeq/x (0.00s) / --- PASS: TestSeq/y (0.00s) / PASS |rc=0 races=0
// go 19: === RUN   TestSeq / === RUN   TestSeq/x / inner x / background / sub x / === RUN   TestSeq/y / inner y / sub y / --- PASS: TestSeq (0.00s) / --- PASS: TestSeq/x (0.00s) / --- PASS: TestSeq/y (0.00s) / PASS |rc=0 races=0
// go 4: === RUN   TestSeq / === RUN   TestSeq/x / inner x / sub x / === RUN   TestSeq/y / background / inner y / sub y / --- PASS: TestSeq (0.00s) / --- PASS: TestSeq/x (0.00s) / --- PASS: TestSeq/y (0.00s) / PASS |rc=0 races=0
// go 3: === RUN   TestSeq / === RUN   TestSeq/x / inner x / sub x / === RUN   TestSeq/y / inner y / sub y / background / --- PASS: TestSeq (0.00s) / --- PASS: TestSeq/x (0.00s) / --- PASS: TestSeq/y (0.00s) / PASS |rc=0 races=0
