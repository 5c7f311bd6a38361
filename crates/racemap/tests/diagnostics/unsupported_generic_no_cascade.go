package main

import "fmt"

func Show[T any](x T) { fmt.Println(x) }

func main() {
	Show(1)
}
