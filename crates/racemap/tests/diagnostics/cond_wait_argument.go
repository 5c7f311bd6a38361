package main

import "sync"

func main() {
	c := sync.NewCond(&sync.Mutex{})
	c.Wait(1)
}
