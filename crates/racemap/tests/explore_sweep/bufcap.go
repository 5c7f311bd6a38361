// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 273: put 0 put 1 put 2 take 0 take 1 take 2 |rc=0 race=no
// go 38: take 0 put 0 put 1 put 2 take 1 take 2 |rc=0 race=no
// go 19: put 0 put 1 take 0 take 1 take 2 put 2 |rc=0 race=no
// go 15: take 0 put 0 take 1 put 1 put 2 take 2 |rc=0 race=no
// go 14: take 0 put 0 take 1 put 1 take 2 put 2 |rc=0 race=no
// go 11: put 0 take 0 take 1 put 1 put 2 take 2 |rc=0 race=no
// go 9: put 0 take 0 take 1 put 1 take 2 put 2 |rc=0 race=no
// go 6: put 0 put 1 take 0 put 2 take 1 take 2 |rc=0 race=no
// go 5: put 0 put 1 take 0 take 1 put 2 take 2 |rc=0 race=no
// go 4: put 0 take 0 put 1 put 2 take 1 take 2 |rc=0 race=no
// go 3: take 0 put 0 put 1 take 1 put 2 take 2 |rc=0 race=no
// go 2: put 0 take 0 put 1 take 1 put 2 take 2 |rc=0 race=no
// go 1: take 0 put 0 put 1 take 1 take 2 put 2 |rc=0 race=no
// legal: put 0 take 0 put 1 take 1 take 2 put 2 |rc=0 race=no -- an order of prints Go allows (each put precedes its take through the buffer; the sender prints late)

package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
			fmt.Println("put", i)
		}
		close(ch)
		done <- true
	}()
	for v := range ch {
		fmt.Println("take", v)
	}
	<-done
}
