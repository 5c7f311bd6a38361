package main

import (
	"fmt"
	"sync"
)

func worker(id int, jobs []int, wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println("worker", id, jobs[id])
}

func main() {
	var wg sync.WaitGroup
	jobs := []int{10, 20}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(i, jobs, &wg)
	}
	wg.Wait()
}
