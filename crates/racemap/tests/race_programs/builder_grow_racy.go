package main

import (
	"fmt"
	"strings"
	"time"
)

// Grow reads the Builder's slice header while the goroutine appends to it: Go's race on buf.
func main() {
	var sb strings.Builder
	sb.WriteString("a")
	go func() {
		sb.WriteString("b")
	}()
	sb.Grow(64)
	time.Sleep(100 * time.Millisecond)
	fmt.Println(sb.Cap() >= 64)
}
