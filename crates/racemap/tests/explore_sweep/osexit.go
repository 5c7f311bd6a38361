// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 345: main |rc=3 race=no
// go 45: worker main |rc=3 race=no
// go 10: main worker |rc=3 race=no

package main

import (
	"fmt"
	"os"
)

func main() {
	go func() {
		fmt.Println("worker")
	}()
	fmt.Println("main")
	os.Exit(3)
}
