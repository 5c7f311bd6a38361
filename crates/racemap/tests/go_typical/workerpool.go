// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 86: worker 3 job 1 worker 3 job 2 worker 3 job 3 worker 3 job 4 worker 3 job 5 |rc=0 races=0
// go 38: worker 2 job 1 worker 2 job 2 worker 2 job 3 worker 2 job 4 worker 2 job 5 |rc=0 races=0
// go 37: worker 1 job 1 worker 1 job 2 worker 1 job 3 worker 1 job 4 worker 1 job 5 |rc=0 races=0
// go 4: worker 3 job 2 worker 3 job 3 worker 3 job 4 worker 3 job 5 worker 1 job 1 |rc=0 races=0
// go 3: worker 3 job 3 worker 3 job 4 worker 3 job 5 worker 2 job 2 worker 1 job 1 |rc=0 races=0
// go 3: worker 1 job 1 worker 1 job 3 worker 1 job 4 worker 1 job 5 worker 2 job 2 |rc=0 races=0
// go 2: worker 2 job 3 worker 2 job 4 worker 2 job 5 worker 3 job 2 worker 1 job 1 |rc=0 races=0
// go 2: worker 2 job 3 worker 2 job 4 worker 2 job 5 worker 1 job 1 worker 3 job 2 |rc=0 races=0
// go 2: worker 2 job 2 worker 2 job 4 worker 2 job 5 worker 3 job 3 worker 1 job 1 |rc=0 races=0
// go 2: worker 2 job 2 worker 2 job 3 worker 2 job 4 worker 2 job 5 worker 3 job 1 |rc=0 races=0
// go 1: worker 3 job 2 worker 3 job 4 worker 3 job 5 worker 1 job 1 worker 2 job 3 |rc=0 races=0
// go 1: worker 3 job 2 worker 1 job 1 worker 1 job 3 worker 1 job 4 worker 1 job 5 |rc=0 races=0
// go 1: worker 3 job 1 worker 3 job 4 worker 3 job 5 worker 1 job 2 worker 2 job 3 |rc=0 races=0
// go 1: worker 3 job 1 worker 3 job 3 worker 3 job 4 worker 3 job 5 worker 2 job 2 |rc=0 races=0
// go 1: worker 3 job 1 worker 3 job 2 worker 3 job 3 worker 3 job 5 worker 2 job 4 |rc=0 races=0
// go 1: worker 3 job 1 worker 3 job 2 worker 1 job 4 worker 1 job 5 worker 3 job 3 |rc=0 races=0
// go 1: worker 2 job 3 worker 1 job 1 worker 2 job 4 worker 1 job 5 worker 3 job 2 |rc=0 races=0
// go 1: worker 2 job 2 worker 2 job 3 worker 2 job 4 worker 2 job 5 worker 1 job 1 |rc=0 races=0
// go 1: worker 2 job 1 worker 3 job 3 worker 3 job 4 worker 3 job 5 worker 2 job 2 |rc=0 races=0
// go 1: worker 2 job 1 worker 2 job 4 worker 2 job 5 worker 3 job 2 worker 1 job 3 |rc=0 races=0
// go 1: worker 2 job 1 worker 2 job 3 worker 2 job 4 worker 2 job 5 worker 1 job 2 |rc=0 races=0
// go 1: worker 2 job 1 worker 2 job 3 worker 1 job 2 worker 2 job 4 worker 1 job 5 |rc=0 races=0
// go 1: worker 1 job 2 worker 1 job 4 worker 1 job 5 worker 3 job 3 worker 2 job 1 |rc=0 races=0
// go 1: worker 1 job 2 worker 1 job 3 worker 1 job 4 worker 1 job 5 worker 2 job 1 |rc=0 races=0
// go 1: worker 1 job 1 worker 2 job 4 worker 2 job 5 worker 3 job 2 worker 1 job 3 |rc=0 races=0
// go 1: worker 1 job 1 worker 2 job 2 worker 1 job 3 worker 1 job 5 worker 2 job 4 |rc=0 races=0
// go 1: worker 1 job 1 worker 1 job 4 worker 1 job 5 worker 3 job 3 worker 2 job 2 |rc=0 races=0
// go 1: worker 1 job 1 worker 1 job 4 worker 1 job 5 worker 2 job 2 worker 3 job 3 |rc=0 races=0
// go 1: worker 1 job 1 worker 1 job 3 worker 1 job 4 worker 2 job 2 worker 1 job 5 |rc=0 races=0
// go 1: worker 1 job 1 worker 1 job 2 worker 1 job 3 worker 3 job 5 worker 1 job 4 |rc=0 races=0
// go 1: worker 1 job 1 worker 1 job 2 worker 1 job 3 worker 1 job 5 worker 2 job 4 |rc=0 races=0
// known divergence: a goroutine that has not run yet counts as parked at its first channel operation in a run (the machine's arrival rule): main's sends hand the first jobs to workers Go has not started yet

package main

import (
	"fmt"
	"sync"
)

func main() {
	jobs := make(chan int, 10)
	results := make(chan string, 10)
	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for j := range jobs {
				results <- fmt.Sprintf("worker %d job %d", w, j)
			}
		}(w)
	}
	for j := 1; j <= 5; j++ {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
