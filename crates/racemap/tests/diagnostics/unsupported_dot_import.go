package main

import . "fmt"

func main() {
	Println("hi")
}
