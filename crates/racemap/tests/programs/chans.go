package main

import (
	"fmt"
	"sync"
)

type Worker struct {
	id  int
	out chan string
}

func (w Worker) Run(jobs <-chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		w.out <- fmt.Sprintf("w%d:%d", w.id, j*j)
	}
}

func gen(n int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for i := 0; i < n; i++ {
			ch <- i
		}
	}()
	return ch
}

func main() {
	jobs := make(chan int, 10)
	out := make(chan string, 10)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		w := Worker{id: i, out: out}
		go w.Run(jobs, &wg)
	}
	for i := 1; i <= 4; i++ {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(out)
	count := 0
	for range out {
		count++
	}
	fmt.Println(count)
	total := 0
	for v := range gen(5) {
		total += v
	}
	fmt.Println(total)
	quit := make(chan bool)
	data := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			data <- i
		}
		quit <- true
	}()
	got := 0
loop:
	for {
		select {
		case v := <-data:
			got += v
		case <-quit:
			break loop
		}
	}
	fmt.Println("got", got)
	sem := make(chan struct{}, 1)
	select {
	case sem <- struct{}{}:
		fmt.Println("acquired")
	default:
		fmt.Println("busy")
	}
	select {
	case sem <- struct{}{}:
		fmt.Println("acquired")
	default:
		fmt.Println("busy")
	}
	fmt.Println(len(sem), cap(sem))
}
