package main

import (
	"fmt"
	"os"
	"time"
)

// The goroutine's os.Getenv is the program's first use of the environment: it runs
// syscall's envOnce.Do(copyenv), whose done flag main's later os.Getenv loads. Under -race
// that atomic store and load order the goroutine's write of x before main's read.
func main() {
	x := 0
	go func() {
		x = 1
		os.Getenv("K")
	}()
	time.Sleep(100 * time.Millisecond)
	os.Getenv("K")
	fmt.Println(x)
}
