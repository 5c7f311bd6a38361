package main

// A fatal error while two goroutines are parked 150 calls deep. A `sync` fatal error dumps
// every goroutine; Go's traceback walks at most 100 frames of each, counting the runtime
// frames it hides. Go 1.19.8 (`go build -race`) prints `fatal error: sync: unlock of unlocked
// mutex`, main's `sync.fatal` frames, a goroutine `[chan receive]` with 97 frames of
// `main.recv` (hidden: `runtime.gopark`, `chanrecv`, `chanrecv1`), and a goroutine
// `[semacquire]` with `sync.runtime_SemacquireMutex`, `sync.(*Mutex).lockSlow`,
// `sync.(*Mutex).Lock` and 95 frames of `main.lock` (hidden: `runtime.gopark`, `semacquire1`),
// no `...additional frames elided...`. Go numbers them 5 and 6, or 18 and 19, from run to run
// (goroutine ids come in batches of 16 per P: 10 runs gave 5 three times, 18 six times).

import (
	"sync"
	"time"
)

var ch = make(chan int)
var mu, other sync.Mutex

func recv(n int) int {
	if n == 0 {
		return <-ch
	}
	return recv(n-1) + 1
}

func lock(n int) int {
	if n == 0 {
		mu.Lock()
		return 0
	}
	return lock(n-1) + 1
}

func main() {
	mu.Lock()
	go recv(150)
	go lock(150)
	time.Sleep(100 * time.Millisecond)
	other.Unlock()
}
