package main

import "fmt"

const small int8 = 100

func main() {
	fmt.Println(small * 2)
}
