package main

import (
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	block := make(chan bool)
	go func() {
		defer wg.Done()
		wg.Done()
	}()
	<-block
}
