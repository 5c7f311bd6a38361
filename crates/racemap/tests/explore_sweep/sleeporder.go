// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 400: 10 20 30 |rc=0 race=no
// legal: 10 30 20 |rc=0 race=no -- a goroutine can be delayed past the others' sleeps
// legal: 20 10 30 |rc=0 race=no -- a goroutine can be delayed past the others' sleeps
// legal: 20 30 10 |rc=0 race=no -- a goroutine can be delayed past the others' sleeps
// legal: 30 10 20 |rc=0 race=no -- a goroutine can be delayed past the others' sleeps
// legal: 30 20 10 |rc=0 race=no -- a goroutine can be delayed past the others' sleeps

package main

import (
	"fmt"
	"time"
)

func main() {
	done := make(chan bool)
	for _, d := range []int{30, 10, 20} {
		go func(d int) {
			time.Sleep(time.Duration(d) * time.Millisecond)
			fmt.Println(d)
			done <- true
		}(d)
	}
	for i := 0; i < 3; i++ {
		<-done
	}
}
