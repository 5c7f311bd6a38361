package main

import (
	"fmt"
	"time"
)

// time.Duration prints with its String method.
func main() {
	fmt.Println(time.Duration(0), time.Duration(1), time.Duration(1500), 300*time.Millisecond, time.Second, 1500*time.Millisecond, time.Duration(7380500000000), -2*time.Millisecond, time.Minute)
}
