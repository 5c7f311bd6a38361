// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 372: 2 |rc=0 race=no
// go 28: 0 |rc=0 race=no
// legal: 1 |rc=0 race=no -- Range loads one entry before the first Delete and the other after the second

package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store(1, 1)
	m.Store(2, 2)
	m.Range(func(k, v any) bool { return true })
	done := make(chan bool)
	go func() {
		m.Delete(1)
		m.Delete(2)
		done <- true
	}()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	<-done
	fmt.Println(n)
}
