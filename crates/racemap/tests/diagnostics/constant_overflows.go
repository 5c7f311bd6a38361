package main

import "fmt"

func main() {
	x := 1 << 70
	fmt.Println(x)
	fmt.Println(1 << 70)
	var f float32 = 1e300
	var i int = 2.5
	fmt.Println(f, i)
}
