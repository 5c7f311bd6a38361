// Three goroutines block on a held mutex, one after the other; main unlocks it. Go's
// semaphore queues the waiters FIFO and Unlock wakes the head: they take the mutex in the
// order they blocked.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	for i := 0; i < 3; i++ {
		i := i
		go func() {
			mu.Lock()
			fmt.Println("got", i)
			mu.Unlock()
		}()
		time.Sleep(10 * time.Millisecond)
	}
	mu.Unlock()
	time.Sleep(100 * time.Millisecond)
}
