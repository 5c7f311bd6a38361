package main

import (
	"fmt"
	"testing"
)

// testing.Short in a program that is not a test: testing's flags were never parsed, and Go
// 1.19 panics.

func main() {
	fmt.Println("start")
	fmt.Println(testing.Short())
}
