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
		m.Store("ready", true)
		x = 1
	}()
	time.Sleep(10 * time.Millisecond)
	if _, ok := m.Load("ready"); ok {
		fmt.Println(x)
	}
}
