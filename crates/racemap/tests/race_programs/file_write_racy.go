package main

import (
	"os"
	"time"
)

// main passes b to os.Stdout.Write, which reads it (Go's race.ReadRange in syscall.Write)
// while the goroutine writes b[0]: a race whose read has the library's frames.
func main() {
	b := []byte("hello\n")
	go func() {
		b[0] = 'j'
	}()
	os.Stdout.Write(b)
	time.Sleep(100 * time.Millisecond)
}
