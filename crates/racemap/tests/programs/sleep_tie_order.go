package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(100 * time.Millisecond)
		fmt.Println("goroutine: slept 100ms from 0ms")
	}()
	time.Sleep(50 * time.Millisecond)
	time.Sleep(50 * time.Millisecond)
	fmt.Println("main: slept 50ms from 50ms")

	ticker := time.NewTicker(100 * time.Millisecond)
	defer ticker.Stop()
	for i := 0; i < 4; i++ {
		time.Sleep(50 * time.Millisecond)
		select {
		case <-ticker.C:
			fmt.Println(i, "tick")
		default:
			fmt.Println(i, "no tick")
		}
	}
	timeout := time.After(30 * time.Millisecond)
	done := make(chan bool)
	go func() {
		time.Sleep(30 * time.Millisecond)
		done <- true
	}()
	select {
	case <-timeout:
		fmt.Println("timeout first")
	case <-done:
		fmt.Println("done first")
	}
}
