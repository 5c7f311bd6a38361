package main

import (
	"fmt"
	"log"
	"time"
)

// log's standard logger locks a mutex around each print: the goroutine's write of x, then its
// log call, happen before main's later log call and its read of x (when the goroutine logs
// first, as the sleep makes it in Go's runs).
func main() {
	log.SetFlags(0)
	x := 0
	go func() {
		x = 1
		log.Println("goroutine wrote x")
	}()
	time.Sleep(100 * time.Millisecond)
	log.Println("main reads x")
	fmt.Println(x)
}
