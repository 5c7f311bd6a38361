package main

import "fmt"

func f() int { return 1 }

func main() {
	const c = 10
	c = 5
	var str string
	str[0] = 'x'
	f() = 2
	s := "abc"
	s[1] = 'b'
	fmt.Println(str, s)
}
