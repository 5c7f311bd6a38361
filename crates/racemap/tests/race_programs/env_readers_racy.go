package main

import (
	"fmt"
	"os"
	"time"
)

// Two reads of the environment are not ordered (Go's envLock is a sync.RWMutex: readers do
// not synchronize with each other; main's first call ran envOnce's copyenv), so the
// goroutine's write of x races with main's read.
func main() {
	os.Getenv("K")
	x := 0
	go func() {
		x = 1
		os.Getenv("K")
	}()
	time.Sleep(100 * time.Millisecond)
	os.Getenv("K")
	fmt.Println(x)
}
