package main

import "strings"

func main() {
	var b strings.Builder
	b.WriteString(1)
	var s string = b.Len()
	b.Flush()
	_ = s
}
