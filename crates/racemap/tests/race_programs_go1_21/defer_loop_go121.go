package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		defer func() { fmt.Println("closure", i) }()
	}
	for i := 0; i < 3; i++ {
		defer fmt.Println("arg", i)
	}
	var fs []func()
	for _, s := range []string{"a", "b"} {
		fs = append(fs, func() { fmt.Print(s, " ") })
	}
	for _, f := range fs {
		f()
	}
	fmt.Println()
}
