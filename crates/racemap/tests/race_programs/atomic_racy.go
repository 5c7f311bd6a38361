package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var x int
var flag int32

func main() {
	go func() {
		atomic.StoreInt32(&flag, 1)
		x = 1
	}()
	time.Sleep(10 * time.Millisecond)
	if atomic.LoadInt32(&flag) == 1 {
		fmt.Println(x)
	}
}
