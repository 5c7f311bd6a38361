package main

import (
	"fmt"
	"time"
)

func main() {
	for i := 3; i >= 1; i-- {
		go func(n int) {
			time.Sleep(time.Duration(n) * time.Millisecond)
			fmt.Println("woke", n)
		}(i)
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println("main done")
}
