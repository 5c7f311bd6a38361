package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var nilCh chan int
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	var rw sync.RWMutex
	rw.Lock()
	a, b := make(chan int), make(chan string)
	go func() { <-nilCh }()
	go func() { nilCh <- 1 }()
	go func() {
		mu.Lock()
		cond.Wait()
		mu.Unlock()
	}()
	go func() { rw.RLock() }()
	go func() {
		select {
		case <-a:
		case b <- "x":
		}
	}()
	go func() { select {} }()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main blocks")
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}
