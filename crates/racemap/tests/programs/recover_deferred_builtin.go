package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("after defer recover:", recover())
	}()
	defer recover()
	panic("p")
}
