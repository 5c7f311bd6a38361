package main

// A goroutine's function publishes the address of its parameter: the parameter moves to the
// heap at the function's entry, a write Go reports at the function's line.

import (
	"fmt"
	"time"
)

var last *string

func remember(name string) {
	last = &name
}

func main() {
	go remember("gopher")
	time.Sleep(10 * time.Millisecond)
	if last != nil {
		fmt.Println(*last)
	}
}
