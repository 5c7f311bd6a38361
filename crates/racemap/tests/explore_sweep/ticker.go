// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 397: ticks 3 |rc=0 race=no
// go 3: ticks 2 |rc=0 race=no
// legal: ticks 0 |rc=0 race=no -- main is delayed past ticks or past the stop timer; a ticker drops ticks while its channel is full, and select picks among ready cases at random
// legal: ticks 1 |rc=0 race=no -- main is delayed past ticks or past the stop timer; a ticker drops ticks while its channel is full, and select picks among ready cases at random
// legal: ticks 4 |rc=0 race=no -- main is delayed past ticks or past the stop timer; a ticker drops ticks while its channel is full, and select picks among ready cases at random
// legal: ticks 5 |rc=0 race=no -- main is delayed past ticks or past the stop timer; a ticker drops ticks while its channel is full, and select picks among ready cases at random
// incomplete: EarlyTicks -- with main delayed, the ticker can tick any number of times before the stop timer is picked: the search cuts those runs and says so

package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(10 * time.Millisecond)
	defer t.Stop()
	stop := time.After(35 * time.Millisecond)
	n := 0
	for {
		select {
		case <-t.C:
			n++
		case <-stop:
			fmt.Println("ticks", n)
			return
		}
	}
}
