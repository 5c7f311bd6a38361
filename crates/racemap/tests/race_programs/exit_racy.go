package main

import (
	"fmt"
	"time"
)

var x int

func main() {
	go func() {
		x = 1
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(x)
}
