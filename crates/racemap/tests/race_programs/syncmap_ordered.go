package main

import (
	"fmt"
	"sync"
	"time"
)

var x int

func main() {
	var m sync.Map
	go func() {
		x = 1
		m.Store("ready", true)
	}()
	time.Sleep(10 * time.Millisecond)
	if _, ok := m.Load("ready"); ok {
		fmt.Println(x)
	}
}
