package main

import "fmt"

func g(n int) {
	defer fmt.Println("deferred", n)
	if n > 2 {
		panic(fmt.Sprintf("boom %d", n))
	}
	g(n + 1)
}

func main() {
	g(1)
}
