package main

import (
	"fmt"
	"sync/atomic"
)

type Config struct {
	Name  string
	Limit int
}

// The writer fills a config and publishes it with Store; a reader that Loads it sees the
// writes before the Store (atomic.Value is synchronization for the race detector), so no race.
func main() {
	var current atomic.Value
	done := make(chan bool)
	go func() {
		cfg := &Config{}
		cfg.Name = "prod"
		cfg.Limit = 10
		current.Store(cfg)
		done <- true
	}()
	if c, ok := current.Load().(*Config); ok {
		fmt.Println("early", c.Name, c.Limit)
	}
	<-done
	c := current.Load().(*Config)
	fmt.Println(c.Name, c.Limit, current.CompareAndSwap(c, &Config{Name: "next"}))
	fmt.Println(current.Swap(&Config{Name: "last"}).(*Config).Name, current.Load().(*Config).Name)
}
