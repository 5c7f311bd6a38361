package main

import (
	"fmt"
	"time"
)

func main() {
	d, err := time.ParseDuration("1h")
	n, err := fmt.Println(d)
	fmt.Println(n, err)
}
