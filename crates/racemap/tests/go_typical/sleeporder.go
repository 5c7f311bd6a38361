// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 200: 10 20 30 |rc=0 races=0

package main

import (
	"fmt"
	"time"
)

func main() {
	for _, d := range []int{30, 10, 20} {
		go func(d int) {
			time.Sleep(time.Duration(d) * time.Millisecond)
			fmt.Println(d)
		}(d)
	}
	time.Sleep(100 * time.Millisecond)
}
