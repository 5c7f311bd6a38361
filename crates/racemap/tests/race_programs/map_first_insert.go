package main

import "fmt"

func main() {
	m := map[string]int{}
	done := make(chan bool)
	go func() {
		m["a"] = 1
		done <- true
	}()
	v := m["b"]
	<-done
	fmt.Println(v, len(m))
}
