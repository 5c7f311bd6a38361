// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 145: dropped 2 dropped 3 dropped 4 got 0 got 1 |rc=0 races=0
// go 12: got 0 got 1 dropped 2 got 3 got 4 |rc=0 races=0
// go 12: dropped 3 dropped 4 got 0 got 1 got 2 |rc=0 races=0
// go 7: dropped 2 dropped 4 got 0 got 1 got 3 |rc=0 races=0
// go 5: got 0 dropped 4 got 1 got 2 got 3 |rc=0 races=0
// go 5: dropped 2 got 0 got 1 got 3 got 4 |rc=0 races=0
// go 4: dropped 2 dropped 3 got 0 got 1 got 4 |rc=0 races=0
// go 3: dropped 2 got 0 got 1 got 3 dropped 4 |rc=0 races=0
// go 2: dropped 2 got 0 got 1 dropped 3 got 4 |rc=0 races=0
// go 2: dropped 2 dropped 3 got 0 got 1 dropped 4 |rc=0 races=0
// go 1: got 0 got 1 got 2 dropped 3 got 4 |rc=0 races=0
// go 1: dropped 3 got 0 got 1 got 2 got 4 |rc=0 races=0
// go 1: dropped 3 got 0 got 1 got 2 dropped 4 |rc=0 races=0
// known divergence: a goroutine that has not run yet counts as parked at its first channel operation in a run (the machine's arrival rule), so the first send hands it the value instead of filling the buffer

package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for v := range ch {
			fmt.Println("got", v)
		}
		done <- true
	}()
	for i := 0; i < 5; i++ {
		select {
		case ch <- i:
		default:
			fmt.Println("dropped", i)
		}
	}
	close(ch)
	<-done
}
