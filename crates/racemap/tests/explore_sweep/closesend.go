// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 262: sent 1 true |rc=66 race=yes
// go 109: |rc=2 race=yes panic: send on closed channel
// go 23: 0 false |rc=66 race=yes
// go 6: 0 false |rc=2 race=yes panic: send on closed channel
// legal: 1 true |rc=66 race=yes -- the send, then the close; main wakes and exits before "sent" is printed
// legal: 1 true sent |rc=66 race=yes -- main is delayed past its sleep; the sender prints after main printed
// legal: sent 1 true |rc=0 race=no -- main receives and exits before the closer runs: no close, no race
// legal: 1 true |rc=0 race=no -- as above, and main exits before the sender prints
// legal: 1 true sent |rc=0 race=no -- as above, the sender printing before main exits
// legal: 0 false |rc=0 race=no -- close, main wakes and exits before the sender runs

package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	go func() {
		ch <- 1
		fmt.Println("sent")
	}()
	go func() {
		close(ch)
	}()
	time.Sleep(10 * time.Millisecond)
	v, ok := <-ch
	fmt.Println(v, ok)
}
