package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		wg.Wait()
		fmt.Println("first round waited")
	}()
	time.Sleep(10 * time.Millisecond)
	wg.Done()
	wg.Add(1)
	go wg.Done()
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("done")
}
