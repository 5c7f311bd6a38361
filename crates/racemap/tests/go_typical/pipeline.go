// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 114: sq 1 sq 2 main 1 main 4 sq 3 main 9 |rc=0 races=0
// go 46: sq 1 main 1 sq 2 sq 3 main 4 main 9 |rc=0 races=0
// go 37: sq 1 main 1 sq 2 main 4 sq 3 main 9 |rc=0 races=0
// go 3: sq 1 sq 2 main 1 sq 3 main 4 main 9 |rc=0 races=0

package main

import "fmt"

func gen(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func sq(in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		for v := range in {
			fmt.Println("sq", v)
			out <- v * v
		}
		close(out)
	}()
	return out
}

func main() {
	for v := range sq(gen(3)) {
		fmt.Println("main", v)
	}
}
