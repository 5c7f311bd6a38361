package main

import (
	"fmt"
	"log"
	"sync"
)

// collector appends every line it is given without a lock of its own: the Logger's mutex,
// held across Write, serializes the goroutines' writes, so there is no race.
type collector struct {
	lines []string
	bytes int
}

func (c *collector) Write(p []byte) (int, error) {
	c.lines = append(c.lines, string(p))
	c.bytes += len(p)
	return len(p), nil
}

func main() {
	c := &collector{}
	logger := log.New(c, "worker ", 0)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			logger.Printf("%d done", id)
		}(i)
	}
	wg.Wait()
	fmt.Println(len(c.lines), c.bytes)
}
