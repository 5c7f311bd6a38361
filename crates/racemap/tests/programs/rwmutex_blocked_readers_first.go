// A reader blocks on a write-locked RWMutex, then a second writer blocks too. The writer's
// Unlock releases every reader blocked during its hold before it frees the writers' mutex:
// the reader holds the read lock before the second writer can take the lock.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	x := 0
	rw.Lock()
	go func() {
		rw.RLock()
		fmt.Println("reader sees", x)
		rw.RUnlock()
	}()
	time.Sleep(10 * time.Millisecond)
	go func() {
		rw.Lock()
		x = 2
		fmt.Println("writer 2")
		rw.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	x = 1
	rw.Unlock()
	time.Sleep(100 * time.Millisecond)
}
