// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 378: 1 |rc=0 race=no
// go 22: 12 |rc=0 race=no
// legal: 3 |rc=0 race=no -- LoadOrStore("b") before Range promotes dirty, Store("a", 10) after Range loaded "a"
// legal: 10 |rc=0 race=no -- Range promotes {"a"} first; "b" goes to a new dirty; Store("a", 10) lands before Range loads "a"

package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store("a", 1)
	done := make(chan bool)
	go func() {
		m.LoadOrStore("b", 2)
		m.Store("a", 10)
		done <- true
	}()
	sum := 0
	m.Range(func(k, v any) bool {
		sum += v.(int)
		return true
	})
	<-done
	fmt.Println(sum)
}
