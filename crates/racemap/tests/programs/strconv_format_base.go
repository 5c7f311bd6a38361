package main

import (
	"fmt"
	"strconv"
)

func format(base int) {
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(strconv.FormatInt(10, base))
}

func main() {
	format(36)
	format(37)
	format(1)
}
