package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("cleanup")
		var a []int
		_ = a[2]
	}()
	var m map[string]int
	m["k"] = 1
}
