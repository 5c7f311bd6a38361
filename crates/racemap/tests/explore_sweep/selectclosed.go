// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 166: b 7 a 0 false |rc=0 race=no
// go 158: a 0 false a 0 false |rc=0 race=no
// go 76: a 0 false b 7 |rc=0 race=no

package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int, 1)
	go func() { close(a) }()
	go func() { b <- 7 }()
	for i := 0; i < 2; i++ {
		select {
		case v, ok := <-a:
			fmt.Println("a", v, ok)
		case v := <-b:
			fmt.Println("b", v)
		}
	}
}
