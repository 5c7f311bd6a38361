package main

import (
	"fmt"
	"time"
)

type stopper interface{ Stop() bool }

func main() {
	var s stopper = time.NewTimer(time.Hour)
	stopped := false
	go func() {
		stopped = s.Stop()
	}()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(stopped)
}
