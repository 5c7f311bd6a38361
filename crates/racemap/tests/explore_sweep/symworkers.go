// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 179: 0 30 |rc=0 race=no
// go 142: 20 30 |rc=0 race=no
// go 79: 10 30 |rc=0 race=no

package main

import "fmt"

func main() {
	out := make(chan int)
	for i := 0; i < 3; i++ {
		go func(id int) {
			out <- id * 10
		}(i)
	}
	sum := 0
	first := -1
	for i := 0; i < 3; i++ {
		v := <-out
		if first < 0 {
			first = v
		}
		sum += v
	}
	fmt.Println(first, sum)
}
