package main

import (
	"fmt"
	"time"
)

// A goroutine publishes fresh objects through plain variables: the reader's loads race with
// the literals' initializing stores too, not only with the variables' writes.

type Config struct {
	Name    string
	Retries int
}

var (
	cfg    *Config
	hosts  []string
	limits map[string]int
)

func load() {
	cfg = &Config{Name: "prod", Retries: 3}
	hosts = []string{"a", "b"}
	limits = map[string]int{"rps": 10}
}

func main() {
	go load()
	time.Sleep(10 * time.Millisecond)
	fmt.Println(cfg.Retries, hosts[1], limits["rps"])
}
