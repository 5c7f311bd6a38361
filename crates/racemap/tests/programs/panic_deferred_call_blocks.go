package main

import (
	"fmt"
	"sync"
)

func f(m map[int]int) {
	m[1] = 1
	panic("boom")
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		wg.Wait()
	}()
	f(map[int]int{})
}
