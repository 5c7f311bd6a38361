package main

import "sync"

func main() {
	var mu sync.Mutex
	lock := mu.Lock
	lock()
	lock()
}
