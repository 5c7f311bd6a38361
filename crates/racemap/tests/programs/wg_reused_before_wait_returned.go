package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	done := make(chan bool)
	go func() {
		wg.Wait()
		done <- true
	}()
	time.Sleep(10 * time.Millisecond)
	wg.Done()
	wg.Add(1)
	<-done
	fmt.Println("unreachable")
}
