package main

import "fmt"

func main() {
	m := map[string]int{"a": 1}
	done := make(chan bool)
	go func() {
		m["a"] = 2
		done <- true
	}()
	n := 0
	for k := range m {
		n += len(k)
	}
	<-done
	fmt.Println(n, m["a"])
}
