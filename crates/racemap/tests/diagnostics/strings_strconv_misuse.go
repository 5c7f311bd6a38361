package main

import (
	"strconv"
	"strings"
)

func main() {
	_, _ = strconv.ParseInt("1", 10)
	_ = strings.Fields("a", "b")
	var n int = strconv.ParseBool("true")
	_ = n
}
