package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	d := time.Since(start)
	fmt.Println(d.Round(time.Second), start.Unix())
	var b strings.Builder
	b.Grow(10) // supported since 2026-12-07
	var mu sync.Mutex
	mu.Lok()
}
