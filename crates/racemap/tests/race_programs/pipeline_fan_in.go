package main

import (
	"fmt"
	"strings"
	"sync"
)

func gen(words ...string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, w := range words {
			out <- w
		}
	}()
	return out
}

func upper(in <-chan string) <-chan string {
	out := make(chan string, 2)
	go func() {
		defer close(out)
		for w := range in {
			out <- strings.ToUpper(w)
		}
	}()
	return out
}

func merge(cs ...<-chan string) <-chan string {
	var wg sync.WaitGroup
	out := make(chan string)
	for _, c := range cs {
		wg.Add(1)
		go func(c <-chan string) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

func main() {
	in := gen("a", "b")
	total := map[string]int{}
	for v := range merge(upper(in), upper(gen("x"))) {
		total[v]++
	}
	fmt.Println(total, len(total))
}
