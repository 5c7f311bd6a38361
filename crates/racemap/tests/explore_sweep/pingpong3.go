// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 144: b1 b2 |rc=0 race=no
// go 134: a1 a2 |rc=0 race=no
// go 47: b2 a1 |rc=0 race=no
// go 46: a1 b2 |rc=0 race=no
// go 18: a2 b1 |rc=0 race=no
// go 11: b1 a2 |rc=0 race=no

package main

import "fmt"

func main() {
	ping := make(chan int)
	out := make(chan string, 4)
	for _, name := range []string{"a", "b"} {
		go func(name string) {
			for v := range ping {
				out <- fmt.Sprint(name, v)
			}
		}(name)
	}
	ping <- 1
	ping <- 2
	close(ping)
	fmt.Println(<-out, <-out)
}
