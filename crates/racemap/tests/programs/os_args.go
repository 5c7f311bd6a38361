package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Println(len(os.Args), len(os.Args[1:]))
	name := os.Args[0]
	fmt.Println(name != "", strings.Contains(name, ".go"))
	args := os.Args
	args[0] = "changed"
	fmt.Println(os.Args[0])
	for _, a := range os.Args[1:] {
		fmt.Println("arg", a)
	}
}
