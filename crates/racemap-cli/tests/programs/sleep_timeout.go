package main

import (
	"fmt"
	"time"
)

func main() {
	result := make(chan string, 1)
	timeout := make(chan bool, 1)
	go func() {
		result <- "done"
	}()
	go func() {
		time.Sleep(time.Second)
		timeout <- true
	}()
	select {
	case r := <-result:
		fmt.Println(r)
	case <-timeout:
		fmt.Println("timeout")
	}
}
