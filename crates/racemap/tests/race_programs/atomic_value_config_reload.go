package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct {
	Name    string
	Workers int
}

func main() {
	var cfg atomic.Value
	cfg.Store(&Config{Name: "v1", Workers: 2})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		cfg.Store(&Config{Name: "v2", Workers: 4})
	}()
	go func() {
		defer wg.Done()
		c := cfg.Load().(*Config)
		_ = c.Workers
	}()
	wg.Wait()
	fmt.Println(cfg.Load().(*Config).Name)
}
