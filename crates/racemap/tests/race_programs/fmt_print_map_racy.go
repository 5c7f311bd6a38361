package main

import "fmt"

// fmt reads the map it prints (reflect.maplen, then an iteration) when it prints, while the
// goroutine writes it: a data race, the map printed before or after the write, or, printed in
// the middle of the write, `fatal error: concurrent map iteration and map write`.
var m = map[int]int{}

func main() {
	done := make(chan bool)
	go func() {
		m[1] = 1
		done <- true
	}()
	fmt.Println(m)
	<-done
}
