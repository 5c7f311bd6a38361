package main

import "sync"

func main() {
	var mu sync.Mutex
	c := sync.NewCond(mu)
	c.Signal()
}
