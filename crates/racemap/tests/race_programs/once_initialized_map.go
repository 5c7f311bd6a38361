package main

import (
	"fmt"
	"sync"
)

var (
	once   sync.Once
	config map[string]string
)

func load() map[string]string {
	once.Do(func() {
		config = map[string]string{"env": "prod", "region": "eu"}
	})
	return config
}

func main() {
	var wg sync.WaitGroup
	results := make(chan string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- load()["env"]
		}()
	}
	wg.Wait()
	close(results)
	n := 0
	for r := range results {
		if r == "prod" {
			n++
		}
	}
	fmt.Println(n, len(load()))
}
