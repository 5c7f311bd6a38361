// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 130: los 1 false lad 2 true left 0 |rc=0 race=no
// go 108: lad <nil> false los 1 false left 1 |rc=0 race=no
// go 85: los 2 true lad 2 true left 0 |rc=0 race=no
// go 32: lad <nil> false los 2 true left 1 |rc=0 race=no
// go 30: los 1 false lad 1 true left 1 |rc=0 race=no
// go 6: lad 2 true los 1 false left 1 |rc=0 race=no
// go 4: lad 2 true los 2 true left 0 |rc=0 race=no
// go 2: los 1 false lad <nil> false left 1 |rc=0 race=no
// go 2: lad 1 true los 1 false left 1 |rc=0 race=no
// go 1: los 2 true lad <nil> false left 1 |rc=0 race=no
// legal: lad 2 true los 1 false left 0 |rc=0 race=no -- LoadOrStore stores 1, Store(2), LoadAndDelete takes 2; the LoadOrStore goroutine prints last
// legal: los 1 false lad 2 true left 1 |rc=0 race=no -- Store(2), LoadAndDelete takes 2, LoadOrStore stores 1; prints in the other order

package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	wg.Add(3)
	go func() {
		defer wg.Done()
		v, loaded := m.LoadOrStore("k", 1)
		fmt.Println("los", v, loaded)
	}()
	go func() {
		defer wg.Done()
		m.Store("k", 2)
	}()
	go func() {
		defer wg.Done()
		v, ok := m.LoadAndDelete("k")
		fmt.Println("lad", v, ok)
	}()
	wg.Wait()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	fmt.Println("left", n)
}
