package main

import "fmt"

func main() {
	arr := [5]int{}
	sl := arr[:]
	const lo = 4
	fmt.Println(sl[2:1:3], arr[lo:3], "abc"[2:1], sl[:3:2], sl[1:1:1])
}
