package main

import "strings"

func main() {
	_ = strings.Title("a b")
}
