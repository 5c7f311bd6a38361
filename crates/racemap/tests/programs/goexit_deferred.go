package main

import (
	"fmt"
	"runtime"
	"sync"
)

func worker(wg *sync.WaitGroup, id int) {
	defer wg.Done()
	defer fmt.Println("worker", id, "deferred")
	func() {
		defer func() {
			fmt.Println("recover returns", recover())
		}()
		runtime.Goexit()
	}()
	fmt.Println("unreachable")
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(&wg, 1)
	wg.Wait()
	fmt.Println("main continues")
	defer fmt.Println("main deferred")
	done := make(chan bool)
	go func() {
		<-done
	}()
	runtime.Goexit()
}
