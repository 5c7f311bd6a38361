package main

// A goroutine publishes the address of a variable it declared (`x := 0`, `var p point`)
// through a global without synchronization: the reader's accesses race with the pointer's
// store and with the variable's declaration, which stores its initial value into the new
// heap object (Go reports the declaration's line as the previous write).

import (
	"fmt"
	"time"
)

type point struct {
	x, y int
}

var counter *int
var origin *point

func main() {
	go func() {
		x := 0
		counter = &x
	}()
	time.Sleep(10 * time.Millisecond)
	if counter != nil {
		fmt.Println(*counter)
	}
	go func() {
		var p point
		origin = &p
	}()
	time.Sleep(10 * time.Millisecond)
	if origin != nil {
		fmt.Println(origin.y)
	}
}
