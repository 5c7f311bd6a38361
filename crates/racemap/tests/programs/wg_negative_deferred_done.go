package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id)
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	worker(1, &wg)
	wg.Wait()
}
