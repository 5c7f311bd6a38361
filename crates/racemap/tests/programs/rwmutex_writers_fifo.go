// Three writers block on a write-locked RWMutex, one after the other: its writers' mutex
// queues them FIFO, so they take the lock in the order they blocked.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	rw.Lock()
	for i := 0; i < 3; i++ {
		i := i
		go func() {
			rw.Lock()
			fmt.Println("writer", i)
			rw.Unlock()
		}()
		time.Sleep(10 * time.Millisecond)
	}
	rw.Unlock()
	time.Sleep(100 * time.Millisecond)
}
