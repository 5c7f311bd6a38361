package main

import (
	"fmt"
	"time"
)

func main() {
	d, err := time.LoadLocation("UTC")
	n, err := fmt.Println(d)
	fmt.Println(n, err)
}
