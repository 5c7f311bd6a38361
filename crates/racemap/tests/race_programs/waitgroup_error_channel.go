package main

import (
	"errors"
	"fmt"
	"sync"
)

func fetch(id int) (string, error) {
	if id == 3 {
		return "", fmt.Errorf("fetch %d: %w", id, errors.New("not found"))
	}
	return fmt.Sprintf("item-%d", id), nil
}

func main() {
	var wg sync.WaitGroup
	errc := make(chan error, 5)
	out := make([]string, 5)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s, err := fetch(i)
			if err != nil {
				errc <- err
				return
			}
			out[i] = s
		}(i)
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		fmt.Println("error:", err)
	}
	fmt.Println(out)
}
