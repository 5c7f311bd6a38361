package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

// Goroutines that poll (a select with default, an atomic flag, time.Since) while another
// sleeps: in Go the sleeper wakes after its duration whoever else keeps running.
func main() {
	stop := make(chan bool)
	done := make(chan int)
	go func() {
		polls := 0
		for {
			select {
			case <-stop:
				done <- polls
				return
			default:
				polls++
				runtime.Gosched()
			}
		}
	}()
	time.Sleep(time.Millisecond)
	stop <- true
	fmt.Println("polled while main slept:", <-done > 0)

	var ready int32
	go func() {
		time.Sleep(2 * time.Millisecond)
		atomic.StoreInt32(&ready, 1)
	}()
	spins := 0
	for atomic.LoadInt32(&ready) == 0 {
		spins++
	}
	fmt.Println("spun until the sleeper set the flag:", atomic.LoadInt32(&ready) == 1, spins >= 0)

	start := time.Now()
	busy := 0
	for time.Since(start) < time.Millisecond {
		busy++
	}
	fmt.Println("busy-waited a millisecond:", busy > 0, time.Since(start) >= time.Millisecond)

	// A ticker read by a loop that does other work between ticks.
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	ticks, other := 0, 0
	for ticks < 3 {
		select {
		case <-tick.C:
			ticks++
		default:
			other++
		}
	}
	fmt.Println("three ticks while polling")
}
