// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 271: ok assignment to entry in nil map |rc=0 race=no
// go 129: assignment to entry in nil map ok |rc=0 race=no

package main

import "fmt"

func main() {
	errs := make(chan string, 2)
	for i := 0; i < 2; i++ {
		go func(i int) {
			defer func() {
				if r := recover(); r != nil {
					errs <- fmt.Sprint(r)
				}
			}()
			if i == 1 {
				var m map[string]int
				m["x"] = 1
			}
			errs <- "ok"
		}(i)
	}
	fmt.Println(<-errs)
	fmt.Println(<-errs)
}
