// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 396: 1 |rc=0 race=no
// go 4: 0 |rc=0 race=no
// legal: 2 |rc=0 race=no -- Store(2) before Range promotes dirty (both keys in the snapshot), Delete(1) after Range loaded key 1

package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	m.Store(1, "a")
	done := make(chan bool)
	go func() {
		m.Store(2, "b")
		m.Delete(1)
		done <- true
	}()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	<-done
	fmt.Println(n)
}
