package main

import "fmt"

func main() {
	m := map[string]int{"a": 1}
	done := make(chan bool)
	go func() {
		m["a"] = 2
		done <- true
	}()
	sum := 0
	for _, v := range m {
		sum += v
	}
	<-done
	fmt.Println(sum > 0, m["a"])
}
