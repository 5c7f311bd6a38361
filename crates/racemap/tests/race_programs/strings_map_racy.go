package main

import (
	"fmt"
	"strings"
)

func main() {
	count := 0
	done := make(chan bool)
	go func() {
		fmt.Println(strings.Map(func(r rune) rune {
			count++
			return r + 1
		}, "HAL"))
		done <- true
	}()
	fmt.Println(count >= 0)
	<-done
}
