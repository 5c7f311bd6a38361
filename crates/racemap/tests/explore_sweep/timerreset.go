// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 392: stop true stopped |rc=0 race=no
// go 5: fired stop false |rc=0 race=no
// go 3: stop false fired |rc=0 race=no
// legal: stop false stopped |rc=0 race=no -- the timer fires before Stop (the goroutine delayed past 5ms), then select picks done among two ready cases

package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(5 * time.Millisecond)
	done := make(chan bool)
	go func() {
		time.Sleep(time.Millisecond)
		fmt.Println("stop", t.Stop())
		done <- true
	}()
	select {
	case <-t.C:
		fmt.Println("fired")
	case <-done:
		fmt.Println("stopped")
		return
	}
	<-done
}
