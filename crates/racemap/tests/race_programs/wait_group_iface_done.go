package main

import (
	"fmt"
	"sync"
)

type doner interface{ Done() }

func work(d doner, out *int) {
	*out = 42
	d.Done()
}

func main() {
	var wg sync.WaitGroup
	var x int
	wg.Add(1)
	go work(&wg, &x)
	wg.Wait()
	fmt.Println(x)
}
