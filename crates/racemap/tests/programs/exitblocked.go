package main

import "fmt"

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	go func() { select {} }()
	var m map[string]int
	delete(m, "x")
	fmt.Println(len(m), m["x"])
}
