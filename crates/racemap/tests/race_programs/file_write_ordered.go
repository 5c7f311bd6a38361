package main

import (
	"fmt"
	"os"
)

// The goroutine writes b[0], then prints: its print's lock orders the write before
// os.Stdout.Write's reads of b, as in Go (the fdMutex's compare-and-swaps under -race).
func main() {
	b := []byte("hello\n")
	done := make(chan bool)
	go func() {
		b[0] = 'j'
		done <- true
	}()
	<-done
	n, err := os.Stdout.Write(b)
	fmt.Println(n, err)
	os.Stdout.Write(b[:0])
	os.Stdout.Write(nil)
}
