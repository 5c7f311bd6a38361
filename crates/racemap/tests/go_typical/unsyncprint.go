// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 92: main a b |rc=0 races=0
// go 47: main b a |rc=0 races=0
// go 34: a main b |rc=0 races=0
// go 22: a b main |rc=0 races=0
// go 3: b main a |rc=0 races=0
// go 2: b a main |rc=0 races=0

package main

import (
	"fmt"
	"time"
)

func main() {
	go fmt.Println("a")
	go fmt.Println("b")
	fmt.Println("main")
	time.Sleep(10 * time.Millisecond)
}
