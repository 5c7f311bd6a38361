package main

import "fmt"

func main() {
	var s string
	x := 1
	s = x
	fmt.Println(s)
}
