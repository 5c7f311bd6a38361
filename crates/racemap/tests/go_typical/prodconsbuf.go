// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 68: produce 0 produce 1 produce 2 produce 3 consumed 0 consumed 1 consumed 2 consumed 3 produce 4 consumed 4 |rc=0 races=0
// go 67: produce 0 produce 1 produce 2 produce 3 produce 4 consumed 0 consumed 1 consumed 2 consumed 3 consumed 4 |rc=0 races=0
// go 26: produce 0 consumed 0 produce 1 produce 2 produce 3 produce 4 consumed 1 consumed 2 consumed 3 consumed 4 |rc=0 races=0
// go 19: produce 0 consumed 0 produce 1 consumed 1 produce 2 produce 3 produce 4 consumed 2 consumed 3 consumed 4 |rc=0 races=0
// go 6: produce 0 consumed 0 produce 1 consumed 1 produce 2 consumed 2 produce 3 produce 4 consumed 3 consumed 4 |rc=0 races=0
// go 3: produce 0 produce 1 consumed 0 produce 2 produce 3 produce 4 consumed 1 consumed 2 consumed 3 consumed 4 |rc=0 races=0
// go 2: produce 0 produce 1 produce 2 produce 3 consumed 0 produce 4 consumed 1 consumed 2 consumed 3 consumed 4 |rc=0 races=0
// go 2: produce 0 produce 1 produce 2 produce 3 consumed 0 consumed 1 produce 4 consumed 2 consumed 3 consumed 4 |rc=0 races=0
// go 2: produce 0 produce 1 produce 2 produce 3 consumed 0 consumed 1 consumed 2 produce 4 consumed 3 consumed 4 |rc=0 races=0
// go 2: produce 0 produce 1 produce 2 consumed 0 consumed 1 consumed 2 produce 3 consumed 3 produce 4 consumed 4 |rc=0 races=0
// go 1: produce 0 produce 1 produce 2 consumed 0 produce 3 produce 4 consumed 1 consumed 2 consumed 3 consumed 4 |rc=0 races=0
// go 1: produce 0 produce 1 produce 2 consumed 0 consumed 1 consumed 2 produce 3 produce 4 consumed 3 consumed 4 |rc=0 races=0
// go 1: produce 0 consumed 0 produce 1 consumed 1 produce 2 consumed 2 produce 3 consumed 3 produce 4 consumed 4 |rc=0 races=0

package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	done := make(chan struct{})
	go func() {
		for v := range ch {
			fmt.Println("consumed", v)
		}
		close(done)
	}()
	for i := 0; i < 5; i++ {
		fmt.Println("produce", i)
		ch <- i
	}
	close(ch)
	<-done
}
