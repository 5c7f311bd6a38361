package main

import (
	"fmt"
	"sync"
)

func makeCounter() (inc func() int, get func() int) {
	var mu sync.Mutex
	n := 0
	inc = func() int {
		mu.Lock()
		defer mu.Unlock()
		n++
		return n
	}
	get = func() int {
		return n
	}
	return
}

func main() {
	inc, get := makeCounter()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			inc()
		}()
	}
	fmt.Println(get() >= 0)
	wg.Wait()
	fmt.Println(get())
}
