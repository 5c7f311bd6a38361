package main

import "fmt"

func main() {
	n := 3
	var a int64 = 1 << n
	var b uint8
	b = b + 1<<n
	c := 1 << n
	fmt.Println(a, b, c, 1<<n)
}
