package main

import (
	"fmt"
	"sync"
)

// A method value binds &mu when it is made: the goroutines lock the same mutex, so the
// counter is safe; the second counter is written without the lock.
func main() {
	var mu sync.Mutex
	lock, unlock := mu.Lock, mu.Unlock
	var wg sync.WaitGroup
	done := wg.Done
	safe, unsafe := 0, 0
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer done()
			lock()
			safe++
			unlock()
			unsafe++
		}()
	}
	wg.Wait()
	fmt.Println(safe, unsafe)
}
