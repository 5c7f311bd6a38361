// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 200: 1 |rc=66 races=1

package main

import (
	"fmt"
	"time"
)

func main() {
	x := 0
	go func() { x = 1 }()
	time.Sleep(time.Millisecond)
	fmt.Println(x)
}
