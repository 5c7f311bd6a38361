package main

import (
	"fmt"
	"runtime"
	"sync"
)

// GOMAXPROCS(1) does not make goroutines take turns: Go still preempts them, and the
// unsynchronized counter still races. A goroutine's GOMAXPROCS(3) may come before or after
// main's GOMAXPROCS(0).
func main() {
	fmt.Println(runtime.GOMAXPROCS(1) == runtime.NumCPU())
	var wg sync.WaitGroup
	counter := 0
	wg.Add(2)
	for i := 0; i < 2; i++ {
		go func() {
			defer wg.Done()
			counter++
		}()
	}
	done := make(chan int)
	go func() { done <- runtime.GOMAXPROCS(3) }()
	fmt.Println(runtime.GOMAXPROCS(0))
	wg.Wait()
	fmt.Println(<-done, runtime.GOMAXPROCS(-1), counter > 0)
}
