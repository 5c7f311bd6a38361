// Go 1.19.8 linux/amd64, 2 CPUs: `go build -race`, 200 runs (stdout lines joined by spaces |
// exit status, data race reports, fatal error):
// go 173: goroutine main |rc=0 races=0
// go 27: main goroutine |rc=0 races=0

package main

import (
	"fmt"
	"runtime"
)

func main() {
	go func() { fmt.Println("goroutine") }()
	runtime.Gosched()
	fmt.Println("main")
}
