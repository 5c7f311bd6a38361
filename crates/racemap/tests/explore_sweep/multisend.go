// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 150: 0 1 |rc=0 race=no
// go 111: 2 0 |rc=0 race=no
// go 73: 1 0 |rc=0 race=no
// go 34: 2 1 |rc=0 race=no
// go 25: 0 2 |rc=0 race=no
// go 7: 1 2 |rc=0 race=no

package main

import "fmt"

func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func(i int) { ch <- i }(i)
	}
	a, b := <-ch, <-ch
	fmt.Println(a, b)
}
