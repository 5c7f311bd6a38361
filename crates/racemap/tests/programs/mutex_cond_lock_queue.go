// A goroutine waits on a sync.Cond; main holds L while another goroutine blocks on L, then
// signals and unlocks. The blocked Lock is ahead of the woken waiter in L's queue.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		for !ready {
			c.Wait()
		}
		fmt.Println("waiter")
		mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	mu.Lock()
	go func() {
		mu.Lock()
		fmt.Println("locker")
		mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	ready = true
	c.Signal()
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()
	time.Sleep(50 * time.Millisecond)
}
