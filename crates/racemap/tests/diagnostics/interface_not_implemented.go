package main

import "fmt"

func check() error {
	return "failed"
}

func main() {
	fmt.Println(check())
}
