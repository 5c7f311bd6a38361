package main

import (
	"bytes"
	"fmt"
	"log"
	"sync"
)

// The Logger's mutex orders the goroutines' writes into buf, but main reads buf.Len() without
// it while a late goroutine may still be logging: a race inside bytes.(*Buffer).Write under
// log.(*Logger).Output.
func main() {
	var buf bytes.Buffer
	logger := log.New(&buf, "app: ", 0)
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			logger.Printf("worker %d", i)
		}(i)
	}
	wg.Wait()
	fmt.Println(buf.Len())
	go func() { logger.Print("late") }()
	fmt.Println(buf.Len() > 0)
}
