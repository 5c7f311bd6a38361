package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(time.Millisecond)
		fmt.Println("other goroutine runs")
	}()
	defer fmt.Println("main deferred")
	runtime.Goexit()
}
