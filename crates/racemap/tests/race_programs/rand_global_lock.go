package main

import (
	"fmt"
	"math/rand"
	"time"
)

var x int

func main() {
	go func() {
		x = 1
		rand.Int() // Go's global source is locked: this Unlock happens before main's Lock
	}()
	time.Sleep(10 * time.Millisecond)
	rand.Int()
	fmt.Println(x)
}
