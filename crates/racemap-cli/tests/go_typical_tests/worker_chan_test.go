package p

import (
	"fmt"
	"testing"
)

// A goroutine sends results on a channel the test reads; a second goroutine prints.
func TestWorkers(t *testing.T) {
	results := make(chan int)
	for i := 1; i <= 3; i++ {
		go func(i int) {
			results <- i * 10
		}(i)
	}
	for i := 0; i < 3; i++ {
		fmt.Println("got", <-results)
	}
}

// Go 1.19.8 linux/amd64, 2 CPUs: `go test -c -race`, the binary run 200 times as `x.test -test.v
// -test.count=1` (stdout and stderr lines, race report bodies left out, times masked, joined by
// " / " | exit status, data race reports):
// go 88: === RUN   TestWorkers / got 10 / got 20 / got 30 / --- PASS: TestWorkers (0.00s) / PASS |rc=0 races=0
// go 39: === RUN   TestWorkers / got 30 / got 10 / got 20 / --- PASS: TestWorkers (0.00s) / PASS |rc=0 races=0
// go 27: === RUN   TestWorkers / got 20 / got 10 / got 30 / --- PASS: TestWorkers (0.00s) / PASS |rc=0 races=0
// go 20: === RUN   TestWorkers / got 30 / got 20 / got 10 / --- PASS: TestWorkers (0.00s) / PASS |rc=0 races=0
// go 16: === RUN   TestWorkers / got 10 / got 30 / got 20 / --- PASS: TestWorkers (0.00s) / PASS |rc=0 races=0
// go 10: === RUN   TestWorkers / got 20 / got 30 / got 10 / --- PASS: TestWorkers (0.00s) / PASS |rc=0 races=0
