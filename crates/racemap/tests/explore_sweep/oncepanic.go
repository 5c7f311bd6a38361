// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 228: recovered boom after 1 |rc=0 race=no
// go 146: init by 1 after 1 after 0 |rc=0 race=no
// go 15: after 1 recovered boom |rc=0 race=no
// go 11: init by 1 after 0 after 1 |rc=0 race=no

package main

import (
	"fmt"
	"sync"
)

func main() {
	var once sync.Once
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("recovered", r)
				}
			}()
			once.Do(func() {
				if i == 0 {
					panic("boom")
				}
				fmt.Println("init by", i)
			})
			fmt.Println("after", i)
		}(i)
	}
	wg.Wait()
}
