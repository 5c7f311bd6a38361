package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2}
	done := make(chan bool)
	go func() {
		m["a"] = 10
		done <- true
	}()
	v := m["a"]
	<-done
	fmt.Println(v == 1 || v == 10, m["a"])
}
