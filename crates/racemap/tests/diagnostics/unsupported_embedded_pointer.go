package main

import "sync"

type Cache struct {
	*sync.Mutex
}

func main() {
}
