package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Config struct {
	Name    string
	Version int
}

// The writer changes the config after publishing it: a reader that loads it races with
// that write (the atomic store orders only what came before it).
func main() {
	var cur atomic.Pointer[Config]
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		c := &Config{Name: "v1"}
		cur.Store(c)
		c.Version = 2
	}()
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		if c := cur.Load(); c != nil {
			fmt.Println(c.Version >= 0)
		}
	}()
	wg.Wait()
}
