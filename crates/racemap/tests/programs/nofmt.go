package main

import "sync"

func main() {
	var mu sync.Mutex
	ch := make(chan int)
	go func() {
		ch <- 1
	}()
	go func() {
		mu.Lock()
		mu.Lock()
	}()
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}
