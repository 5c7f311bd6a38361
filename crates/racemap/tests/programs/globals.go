package main

import "fmt"

var counts = map[string]int{"a": 1}

var total = sum(limit)

var limit = 3

func sum(n int) int {
	s := 0
	for i := 1; i <= n; i++ {
		s += i
	}
	return s
}

func main() {
	done := make(chan bool)
	go func() {
		counts["b"] = total
		done <- true
	}()
	<-done
	fmt.Println(counts, total, limit)
}
