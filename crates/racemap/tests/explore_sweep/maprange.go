// Go 1.19.8 linux/amd64: `go build -race`, 300 runs on 2 CPUs + 100 with GOMAXPROCS=1
// (stdout lines joined by spaces |exit status, race reported, first error line):
// go 400: true |rc=66 race=yes
// legal:  |rc=2 race=yes fatal error: concurrent map iteration and map write -- the write lands while the range loop is inside the map (hashWriting seen by mapiternext)

package main

import "fmt"

func main() {
	m := map[int]int{1: 1, 2: 2}
	done := make(chan bool)
	go func() {
		m[3] = 3
		done <- true
	}()
	s := 0
	for _, v := range m {
		s += v
	}
	<-done
	fmt.Println(s > 0)
}
