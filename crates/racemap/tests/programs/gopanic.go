package main

import "fmt"

func main() {
	done := make(chan bool)
	go func() {
		var m map[string]int
		m["a"] = 1
		done <- true
	}()
	<-done
	fmt.Println("unreachable")
}
