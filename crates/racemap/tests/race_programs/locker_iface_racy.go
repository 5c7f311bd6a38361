package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var l sync.Locker = &mu
	m := map[string]int{}
	go func() {
		l.Lock()
		m["a"]++
		l.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	m["a"]++
	fmt.Println(m["a"])
}
