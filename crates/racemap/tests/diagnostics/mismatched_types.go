package main

import "fmt"

func main() {
	x := 1
	y := "a"
	fmt.Println(x == y)
}
