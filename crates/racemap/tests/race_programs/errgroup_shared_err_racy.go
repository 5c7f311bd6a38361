package main

import (
	"errors"
	"fmt"
	"sync"
)

func step(i int) error {
	if i == 1 {
		return errors.New("step 1 failed")
	}
	return nil
}

func main() {
	var wg sync.WaitGroup
	var firstErr error
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if err := step(i); err != nil {
				firstErr = err
			} else if firstErr == nil {
				fmt.Sprint("ok")
			}
		}(i)
	}
	wg.Wait()
	fmt.Println(firstErr)
}
