package main

import "fmt"

// The same objects published through a channel: the send orders the literals' stores before
// the reader's loads.

type Config struct {
	Name    string
	Retries int
}

type loaded struct {
	cfg    *Config
	hosts  []string
	limits map[string]int
}

func main() {
	ch := make(chan loaded)
	go func() {
		ch <- loaded{
			cfg:    &Config{Name: "prod", Retries: 3},
			hosts:  []string{"a", "b"},
			limits: map[string]int{"rps": 10},
		}
	}()
	l := <-ch
	fmt.Println(l.cfg.Retries, l.hosts[1], l.limits["rps"])
}
