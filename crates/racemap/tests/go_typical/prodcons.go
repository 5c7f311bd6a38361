// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 101: produce 0 consumed 0 produce 1 produce 2 consumed 1 consumed 2 |rc=0 races=0
// go 72: produce 0 produce 1 consumed 0 consumed 1 produce 2 consumed 2 |rc=0 races=0
// go 18: produce 0 consumed 0 produce 1 consumed 1 produce 2 consumed 2 |rc=0 races=0
// go 9: produce 0 produce 1 consumed 0 produce 2 consumed 1 consumed 2 |rc=0 races=0

package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan struct{})
	go func() {
		for v := range ch {
			fmt.Println("consumed", v)
		}
		close(done)
	}()
	for i := 0; i < 3; i++ {
		fmt.Println("produce", i)
		ch <- i
	}
	close(ch)
	<-done
}
