package main

import (
	"fmt"
	"sync"
	"time"
)

var x int

func main() {
	var once sync.Once
	go func() {
		once.Do(func() {
			x = 1
		})
	}()
	time.Sleep(10 * time.Millisecond)
	once.Do(func() {
		x = 2
	})
	fmt.Println(x)
}
